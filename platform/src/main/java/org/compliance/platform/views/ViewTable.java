package org.compliance.platform.views;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a view's rows in the event processor's JDBC transaction (decision 2) from the same entity class that
 * Panache reads them through, so a view's columns are declared once: in the entity, beside the migration that
 * creates its table (Hibernate validates the one against the other at start). The upsert is derived from the
 * entity's {@code @Table}, {@code @Id} and {@code @Column} mapping; a field without {@code @Column} is stored
 * under its own name, as Hibernate does.
 */
public final class ViewTable<R> {

    private final Class<R> type;
    private final List<Field> fields;
    private final String upsert;
    private final String insertIfAbsent;

    private ViewTable(Class<R> type) {
        this.type = type;
        Table table = type.getAnnotation(Table.class);
        if (table == null) {
            throw new IllegalArgumentException(type.getName() + " names no @Table");
        }
        // Declared, not public, fields: Quarkus makes an entity's public fields protected (reads and writes go through
        // accessors it adds) and adds transient fields of Hibernate's own.
        this.fields = Arrays.stream(type.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())
                        && !f.isSynthetic() && !f.getName().startsWith("$$_") && !f.isAnnotationPresent(Transient.class))
                .toList();
        fields.forEach(f -> f.setAccessible(true));
        List<String> keys = fields.stream().filter(f -> f.isAnnotationPresent(Id.class)).map(ViewTable::column)
                .toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no @Id field");
        }
        List<String> columns = fields.stream().map(ViewTable::column).toList();
        List<String> updated = new ArrayList<>(columns);
        updated.removeAll(keys);
        String insert = "INSERT INTO " + table.schema() + "." + table.name() + " (" + String.join(", ", columns)
                + ") VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        this.insertIfAbsent = insert + " ON CONFLICT DO NOTHING";
        this.upsert = insert + " ON CONFLICT (" + String.join(", ", keys) + ") DO "
                + (updated.isEmpty() ? "NOTHING" : "UPDATE SET " + updated.stream()
                        .map(c -> c + " = excluded." + c).collect(Collectors.joining(", ")));
    }

    public static <R> ViewTable<R> of(Class<R> type) {
        return new ViewTable<>(type);
    }

    /** Inserts the row, or replaces every column of the row with the same key. */
    public void upsert(Connection connection, R row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            bind(statement, row);
            statement.executeUpdate();
        }
    }

    /**
     * Inserts the row unless it would break one of the table's unique constraints (its key, or another such as
     * "once per event and recipient"); answers whether it was inserted. For rows a later action changes (a
     * notice marked read), which a redelivered event must not reset.
     */
    public boolean insertIfAbsent(Connection connection, R row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insertIfAbsent)) {
            bind(statement, row);
            return statement.executeUpdate() == 1;
        }
    }

    /**
     * Upserts many rows in one batch. A row the table refuses fails the batch with PostgreSQL's own exception (not
     * the driver's wrapper), so that a parked event names the real cause as a single upsert would.
     */
    public void upsertAll(Connection connection, Iterable<R> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            for (R row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (BatchUpdateException e) {
            SQLException refused = e.getNextException();
            if (refused == null) {
                throw e;
            }
            throw refused;
        }
    }

    String upsertStatement() {
        return upsert;
    }

    String insertIfAbsentStatement() {
        return insertIfAbsent;
    }

    private void bind(PreparedStatement statement, R row) throws SQLException {
        for (int i = 0; i < fields.size(); i++) {
            Object value;
            try {
                value = fields.get(i).get(row);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + type.getSimpleName() + "." + fields.get(i).getName(), e);
            }
            statement.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
        }
    }

    private static String column(Field field) {
        Column column = field.getAnnotation(Column.class);
        return column != null && !column.name().isEmpty() ? column.name() : field.getName();
    }
}
