package org.compliance.platform.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure is the database being out of reach or out of room (no connection to be had, too many clients,
 * shutting down), which a client may retry shortly: answered 503, not 500, and nothing was changed. SQL states: class
 * 08 (connection exception), 53 (insufficient resources, 53300 too many connections), 57P01–57P03 (shutdown, cannot
 * connect now).
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && outage(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean outage(String state) {
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P");
    }
}
