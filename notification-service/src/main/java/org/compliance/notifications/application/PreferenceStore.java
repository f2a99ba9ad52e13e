package org.compliance.notifications.application;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.compliance.notifications.domain.Channel;
import org.compliance.notifications.domain.NoticeKind;
import org.compliance.notifications.domain.Preferences;

/** Each person's channel choices and digest setting (schema notification_service). */
@ApplicationScoped
public class PreferenceStore {

    private final AgroalDataSource dataSource;

    public PreferenceStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Preferences of(String userId) throws SQLException {
        try (var connection = dataSource.getConnection();
             var off = connection.prepareStatement("SELECT kind, channel FROM notification_service.channel_preference "
                     + "WHERE user_id = ? AND NOT enabled");
             var digest = connection.prepareStatement("SELECT daily_digest FROM notification_service.digest_preference "
                     + "WHERE user_id = ?")) {
            off.setString(1, userId);
            Set<String> switchedOff = new HashSet<>();
            try (var rows = off.executeQuery()) {
                while (rows.next()) {
                    switchedOff.add(rows.getString(1) + "/" + rows.getString(2));
                }
            }
            digest.setString(1, userId);
            try (var rows = digest.executeQuery()) {
                return new Preferences(switchedOff, rows.next() && rows.getBoolean(1));
            }
        }
    }

    /** Replaces the person's choices with these (legal notices cannot be switched off: refused by the caller). */
    public void save(String userId, Set<String> switchedOff, boolean dailyDigest) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var clear = connection.prepareStatement(
                         "DELETE FROM notification_service.channel_preference WHERE user_id = ?");
                 var insert = connection.prepareStatement("INSERT INTO notification_service.channel_preference "
                         + "(user_id, kind, channel, enabled) VALUES (?, ?, ?, false)");
                 var digest = connection.prepareStatement("INSERT INTO notification_service.digest_preference "
                         + "(user_id, daily_digest) VALUES (?, ?) ON CONFLICT (user_id) "
                         + "DO UPDATE SET daily_digest = excluded.daily_digest")) {
                clear.setString(1, userId);
                clear.executeUpdate();
                for (String pair : switchedOff) {
                    String[] parts = pair.split("/");
                    insert.setString(1, userId);
                    insert.setString(2, NoticeKind.valueOf(parts[0]).name());
                    insert.setString(3, Channel.valueOf(parts[1]).name());
                    insert.executeUpdate();
                }
                digest.setString(1, userId);
                digest.setBoolean(2, dailyDigest);
                digest.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
