package org.compliance.evidence.adapters;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.compliance.evidence.application.HeldBlobs;

/**
 * {@link HeldBlobs} in {@code evidence_service.legal_hold_case} and {@code legal_hold_blob}, in the processor's
 * transaction; a transaction-scoped advisory lock serialises the policy's segments.
 */
@ApplicationScoped
public class HeldBlobsTable implements HeldBlobs {

    /** The policy's advisory lock (any number of its own; "legalhold" in ASCII). */
    private static final long LOCK = 0x6c6567616c686f6cL;

    private final AgroalDataSource dataSource;

    public HeldBlobsTable(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean use(String caseId, String sha256) {
        try (Connection connection = locked()) {
            try (var insert = connection.prepareStatement("INSERT INTO evidence_service.legal_hold_blob "
                    + "(case_id, sha256) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, caseId);
                insert.setString(2, sha256);
                insert.executeUpdate();
            }
            try (var select = connection.prepareStatement(
                    "SELECT held FROM evidence_service.legal_hold_case WHERE case_id = ?")) {
                select.setString(1, caseId);
                try (var row = select.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record blob " + sha256 + " of case " + caseId, e);
        }
    }

    @Override
    public List<String> place(String caseId) {
        return mark(caseId, true, "SELECT sha256 FROM evidence_service.legal_hold_blob WHERE case_id = ?");
    }

    @Override
    public List<String> lift(String caseId) {
        return mark(caseId, false, "SELECT b.sha256 FROM evidence_service.legal_hold_blob b WHERE b.case_id = ? "
                + "AND NOT EXISTS (SELECT 1 FROM evidence_service.legal_hold_blob other "
                + "JOIN evidence_service.legal_hold_case c ON c.case_id = other.case_id "
                + "WHERE other.sha256 = b.sha256 AND other.case_id <> b.case_id AND c.held)");
    }

    private List<String> mark(String caseId, boolean held, String blobsQuery) {
        try (Connection connection = locked()) {
            try (var upsert = connection.prepareStatement("INSERT INTO evidence_service.legal_hold_case "
                    + "(case_id, held) VALUES (?, ?) ON CONFLICT (case_id) DO UPDATE SET held = EXCLUDED.held")) {
                upsert.setString(1, caseId);
                upsert.setBoolean(2, held);
                upsert.executeUpdate();
            }
            List<String> blobs = new ArrayList<>();
            try (var select = connection.prepareStatement(blobsQuery)) {
                select.setString(1, caseId);
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        blobs.add(rows.getString(1));
                    }
                }
            }
            return blobs;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the legal hold of case " + caseId, e);
        }
    }

    private Connection locked() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            lock.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
