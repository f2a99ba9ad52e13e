package org.compliance.platform.personaldata;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Subject keys in {@code event_store.data_subject_key}: a random 256-bit key per subject, inserted by the first
 * event that seals something for them (in that event's transaction when one is running), nulled by erasure. A
 * trigger keeps an erased key erased. Keys are read per use, never cached, so an erasure holds in every service at
 * once.
 */
public final class JdbcSubjectKeys implements SubjectKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final String schema;

    public JdbcSubjectKeys(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    @Override
    public byte[] keyToSeal(String subject) {
        try (Connection connection = dataSource.getConnection()) {
            try (var select = connection.prepareStatement("SELECT key FROM " + schema + ".data_subject_key"
                    + " WHERE subject = ?")) {
                select.setString(1, subject);
                try (var row = select.executeQuery()) {
                    if (row.next()) {
                        return Optional.ofNullable(row.getBytes(1)).orElseThrow(() -> new SubjectErased(subject));
                    }
                }
            }
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            try (var insert = connection.prepareStatement("INSERT INTO " + schema + ".data_subject_key (subject, key)"
                    + " VALUES (?, ?) ON CONFLICT (subject) DO NOTHING")) {
                insert.setString(1, subject);
                insert.setBytes(2, fresh);
                if (insert.executeUpdate() == 1) {
                    return fresh;
                }
            }
            // another transaction added the subject's key meanwhile: use theirs
            return read(connection, subject).orElseThrow(() -> new SubjectErased(subject));
        } catch (SQLException e) {
            throw new IllegalStateException("The key of data subject " + subject + " could not be kept", e);
        }
    }

    @Override
    public Optional<byte[]> keyToUnseal(String subject) {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, subject);
        } catch (SQLException e) {
            throw new IllegalStateException("The key of data subject " + subject + " could not be read", e);
        }
    }

    @Override
    public boolean destroy(String subject) {
        try (Connection connection = dataSource.getConnection();
             var erase = connection.prepareStatement("INSERT INTO " + schema + ".data_subject_key AS k"
                     + " (subject, key, erased_at) VALUES (?, NULL, now()) ON CONFLICT (subject)"
                     + " DO UPDATE SET key = NULL, erased_at = now() WHERE k.key IS NOT NULL")) {
            // a subject with no key yet gets an erased one, so that nothing can be sealed for them afterwards
            erase.setString(1, subject);
            return erase.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("The key of data subject " + subject + " could not be destroyed", e);
        }
    }

    private Optional<byte[]> read(Connection connection, String subject) throws SQLException {
        try (var select = connection.prepareStatement("SELECT key FROM " + schema + ".data_subject_key"
                + " WHERE subject = ?")) {
            select.setString(1, subject);
            try (var rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getBytes(1)) : Optional.empty();
            }
        }
    }
}
