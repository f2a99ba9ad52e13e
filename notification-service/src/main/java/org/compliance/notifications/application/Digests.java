package org.compliance.notifications.application;

import io.agroal.api.AgroalDataSource;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.compliance.notifications.application.Directory.Person;
import org.compliance.notifications.domain.Words;
import org.jboss.logging.Logger;

/**
 * The daily digest: e-mail held for people who chose it (never legal notices) goes out once a day as one
 * message per person, itself an ordinary outbox e-mail; the held rows are marked DIGESTED in the same
 * transaction, so each notice is in exactly one digest.
 */
@ApplicationScoped
public class Digests {

    private static final Logger LOG = Logger.getLogger(Digests.class);

    public record Item(String subject, String link) {
    }

    private record Held(UUID id, String recipientId, String address, String subject, String link) {
    }

    private final AgroalDataSource dataSource;
    private final Template text;
    private final Template html;
    private final Directory directory;
    private final Clock clock;

    public Digests(AgroalDataSource dataSource, @Location("email/digest.txt") Template text,
                   @Location("email/digest.html") Template html, Directory directory, Clock clock) {
        this.dataSource = dataSource;
        this.text = text;
        this.html = html;
        this.directory = directory;
        this.clock = clock;
    }

    @Scheduled(cron = "${compliance.notifications.digest-cron}", timeZone = "Europe/London")
    void daily() throws SQLException {
        int sent = sendHeld();
        LOG.infof("Daily digest: %d digest e-mail(s) queued", sent);
    }

    /** Queues one digest e-mail per person with held e-mail; answers how many were queued. */
    public int sendHeld() throws SQLException {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<String, List<Held>> byPerson = new LinkedHashMap<>();
                try (var select = connection.prepareStatement("""
                        SELECT id, recipient_id, address, subject, link FROM notification_service.email_delivery
                        WHERE status = 'DIGEST' ORDER BY recipient_id, created_at FOR UPDATE SKIP LOCKED""");
                     var rows = select.executeQuery()) {
                    while (rows.next()) {
                        Held held = new Held(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getString(5));
                        byPerson.computeIfAbsent(held.recipientId(), k -> new ArrayList<>()).add(held);
                    }
                }
                for (List<Held> items : byPerson.values()) {
                    queue(connection, items, day);
                }
                connection.commit();
                return byPerson.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void queue(java.sql.Connection connection, List<Held> items, LocalDate day) throws SQLException {
        Held first = items.getFirst();
        String name = directory.person(first.recipientId()).map(Person::name).orElse(first.recipientId());
        String count = Words.count(items.size(), "notice");
        Map<String, Object> data = Map.of("name", name, "count", count,
                "items", items.stream().map(h -> new Item(h.subject(), h.link())).toList());
        String subject = "Your daily summary: " + count;
        try (var insert = connection.prepareStatement("""
                INSERT INTO notification_service.email_delivery
                    (id, event_id, recipient_id, address, kind, case_id, subject, text_body, html_body, link, status,
                     next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, 'DIGEST', '-', ?, ?, ?, ?, 'PENDING', ?, ?)
                ON CONFLICT ON CONSTRAINT email_delivery_once DO NOTHING""");
             var mark = connection.prepareStatement("UPDATE notification_service.email_delivery "
                     + "SET status = 'DIGESTED', digested_into = ? WHERE id = ?")) {
            Timestamp now = Timestamp.from(clock.instant());
            UUID digestId = UUID.randomUUID();
            insert.setObject(1, digestId);
            insert.setString(2, "digest/" + day + "/" + items.getFirst().id());
            insert.setString(3, first.recipientId());
            insert.setString(4, first.address());
            insert.setString(5, subject);
            insert.setString(6, Notifier.render(text, data));
            insert.setString(7, Notifier.render(html, data));
            insert.setString(8, items.getFirst().link());
            insert.setTimestamp(9, now);
            insert.setTimestamp(10, now);
            insert.executeUpdate();
            for (Held held : items) {
                mark.setObject(1, digestId);
                mark.setObject(2, held.id());
                mark.executeUpdate();
            }
        }
    }
}
