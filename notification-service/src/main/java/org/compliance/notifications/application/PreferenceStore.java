package org.compliance.notifications.application;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.compliance.notifications.domain.Channel;
import org.compliance.notifications.domain.NoticeKind;
import org.compliance.notifications.domain.Preferences;

/** Each person's channel choices, digest setting and whether they are told of their own actions. */
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
                     + "WHERE user_id = ?");
             var own = connection.prepareStatement("SELECT notify FROM notification_service.own_actions_preference "
                     + "WHERE user_id = ?")) {
            off.setString(1, userId);
            Set<String> switchedOff = new HashSet<>();
            try (var rows = off.executeQuery()) {
                while (rows.next()) {
                    switchedOff.add(rows.getString(1) + "/" + rows.getString(2));
                }
            }
            digest.setString(1, userId);
            boolean dailyDigest;
            try (var rows = digest.executeQuery()) {
                dailyDigest = rows.next() && rows.getBoolean(1);
            }
            own.setString(1, userId);
            try (var rows = own.executeQuery()) {
                return new Preferences(switchedOff, dailyDigest, rows.next() && rows.getBoolean(1));
            }
        }
    }

    /** Replaces the person's choices with these (legal notices cannot be switched off: refused by the caller). */
    public void save(String userId, Set<String> switchedOff, boolean dailyDigest, boolean ownActions)
            throws SQLException {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var clear = connection.prepareStatement(
                         "DELETE FROM notification_service.channel_preference WHERE user_id = ?");
                 var insert = connection.prepareStatement("INSERT INTO notification_service.channel_preference "
                         + "(user_id, kind, channel, enabled) VALUES (?, ?, ?, false)");
                 var digest = connection.prepareStatement("INSERT INTO notification_service.digest_preference "
                         + "(user_id, daily_digest) VALUES (?, ?) ON CONFLICT (user_id) "
                         + "DO UPDATE SET daily_digest = excluded.daily_digest");
                 var own = connection.prepareStatement("INSERT INTO notification_service.own_actions_preference "
                         + "(user_id, notify) VALUES (?, ?) ON CONFLICT (user_id) "
                         + "DO UPDATE SET notify = excluded.notify")) {
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
                own.setString(1, userId);
                own.setBoolean(2, ownActions);
                own.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
