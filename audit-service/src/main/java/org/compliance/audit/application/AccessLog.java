package org.compliance.audit.application;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.compliance.api.audit.views.Access;

/** Who looked at what: every history read, verification and export, visible to auditors. */
@ApplicationScoped
public class AccessLog {

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public AccessLog(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public void record(String caseId, String what, String detail, String userId, String userName)
            throws SQLException {
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement("""
                INSERT INTO audit_service.access_record (id, case_id, what, detail, user_id, user_name, accessed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, caseId);
            insert.setString(3, what);
            insert.setString(4, detail);
            insert.setString(5, userId);
            insert.setString(6, userName);
            insert.setTimestamp(7, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
    }

    public List<Access> ofCase(String caseId) throws SQLException {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                SELECT case_id, what, detail, user_id, user_name, accessed_at FROM audit_service.access_record
                WHERE case_id = ? ORDER BY accessed_at DESC LIMIT 500""")) {
            select.setString(1, caseId);
            List<Access> found = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Access(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getTimestamp(6).toInstant()));
                }
            }
            return found;
        }
    }
}
