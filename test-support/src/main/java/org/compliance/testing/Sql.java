package org.compliance.testing;

import java.sql.SQLException;
import javax.sql.DataSource;

/** Plain statements tests run against the service's own database to set up or check what the API does not show. */
public final class Sql {

    private Sql() {
    }

    public static void execute(DataSource dataSource, String statement) {
        try (var connection = dataSource.getConnection(); var update = connection.createStatement()) {
            update.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    /** The one number {@code query} selects, with {@code parameters} bound in order. */
    public static long count(DataSource dataSource, String query, Object... parameters) {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }
}
