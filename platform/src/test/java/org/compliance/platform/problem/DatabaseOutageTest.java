package org.compliance.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void too_many_clients_deep_in_the_causes_is_an_outage() {
        var tooMany = new SQLException("FATAL: sorry, too many clients already", "53300");
        var wrapped = new IllegalStateException("Failed to obtain a database connection",
                new RuntimeException(tooMany));
        assertThat(DatabaseOutage.causes(wrapped)).isTrue();
    }

    @Test
    void no_connection_to_be_had_is_an_outage() {
        assertThat(DatabaseOutage.causes(new SQLTransientConnectionException("acquisition timeout"))).isTrue();
        assertThat(DatabaseOutage.causes(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
        assertThat(DatabaseOutage.causes(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseOutage.causes(new SQLException("connection failure", "08006"))).isTrue();
    }

    @Test
    void a_failing_statement_or_any_other_failure_is_not() {
        assertThat(DatabaseOutage.causes(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.causes(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutage.causes(new IllegalStateException("bug"))).isFalse();
    }
}
