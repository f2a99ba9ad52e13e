package org.compliance.notifications.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.ComplainantAdded;
import org.compliance.api.cases.DataSubjectErased;
import org.compliance.api.cases.PersonNamed;
import org.compliance.api.shared.PersonalData;
import org.compliance.notifications.domain.ErasedTexts;
import org.jboss.logging.Logger;

/**
 * Erasure (decision 29) in what notification-service keeps: it knows each case's data subjects by name, from the
 * events that name them (their names open in clear while their keys exist), and when one is erased it replaces
 * every text of the case's inbox notices, e-mails (the digests they went out in too), webhook payloads and title
 * that names them by {@code [erased]} ({@link ErasedTexts}), then forgets the name. In the notifier's processing
 * group: every notice of an event before the erasure is written by then, in the same order as the events.
 * A replayed erasure finds no name and changes nothing.
 */
@ApplicationScoped
@Unremovable
@ProcessingGroup("notifier")
public class DataSubjectErasure {

    private static final Logger LOG = Logger.getLogger(DataSubjectErasure.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;

    public DataSubjectErasure(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(CaseOpened event) throws SQLException {
        for (Complainant complainant : event.complainants()) {
            complainant(event.caseId(), complainant);
        }
    }

    @EventHandler
    void on(ComplainantAdded event) throws SQLException {
        complainant(event.caseId(), event.complainant());
    }

    @EventHandler
    void on(PersonNamed event) throws SQLException {
        keep(event.caseId(), event.person().personId(), event.person().dataSubject(), event.person().name());
    }

    @EventHandler
    void on(DataSubjectErased event) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            Optional<String> name = name(connection, event.dataSubject());
            if (name.isEmpty()) {
                LOG.infof("Data subject %s of case %s erased: no name of theirs kept here (erased already, or "
                        + "named before names were kept)", event.dataSubject(), event.caseId());
                return;
            }
            Map<String, String> names = Map.of(event.dataSubject(), name.get());
            int e = emails(connection, event.caseId(), names);
            int i = inbox(connection, event.caseId(), names);
            int w = webhooks(connection, event.caseId(), names);
            int t = title(connection, event.caseId(), names);
            update(connection, "DELETE FROM notification_service.data_subject WHERE data_subject = ?",
                    event.dataSubject());
            LOG.infof("Data subject %s of case %s erased: %d inbox notice(s), %d e-mail(s), %d webhook payload(s) "
                    + "and %d title(s) named them", event.dataSubject(), event.caseId(), i, e, w, t);
        }
    }

    private void complainant(String caseId, Complainant complainant) throws SQLException {
        if (complainant.kind() == Complainant.Kind.PERSON) {
            keep(caseId, complainant.complainantId(), complainant.dataSubject(), complainant.name());
        }
    }

    /** A name already erased when the event is read (its key destroyed) is nothing to keep. */
    private void keep(String caseId, String personId, String dataSubject, String name) throws SQLException {
        if (dataSubject == null || name == null || name.isBlank() || PersonalData.ERASED.equals(name)) {
            return;
        }
        try (var connection = dataSource.getConnection()) {
            update(connection, "INSERT INTO notification_service.data_subject (data_subject, case_id, person_id, name) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (data_subject) DO NOTHING", dataSubject, caseId, personId, name);
        }
    }

    private static Optional<String> name(Connection connection, String dataSubject) throws SQLException {
        try (var select = connection.prepareStatement(
                "SELECT name FROM notification_service.data_subject WHERE data_subject = ?")) {
            select.setString(1, dataSubject);
            try (var rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * The case's e-mails, then the digests any of them went out in. The case's rows are locked first, so a digest
     * being made of them now is committed before the digests are looked for (or is made after, of erased subjects).
     * The text and HTML bodies are one message: both are erased when either names them.
     */
    private static int emails(Connection connection, String caseId, Map<String, String> names) throws SQLException {
        int erased = emailRows(connection, """
                SELECT id, subject, text_body, html_body, last_error FROM notification_service.email_delivery
                WHERE case_id = ? FOR UPDATE""", names, caseId);
        return erased + emailRows(connection, """
                SELECT id, subject, text_body, html_body, last_error FROM notification_service.email_delivery d
                WHERE d.kind = 'DIGEST'
                  AND (d.id IN (SELECT h.digested_into FROM notification_service.email_delivery h
                                WHERE h.case_id = ? AND h.digested_into IS NOT NULL)
                       OR d.recipient_id IN (SELECT h.recipient_id FROM notification_service.email_delivery h
                                             WHERE h.case_id = ? AND h.status = 'DIGESTED'
                                               AND h.digested_into IS NULL))
                FOR UPDATE""", names, caseId, caseId);
    }

    private static int emailRows(Connection connection, String sql, Map<String, String> names, String... values)
            throws SQLException {
        record Email(UUID id, String subject, String text, String html, String lastError) {
        }
        List<Email> changed = new ArrayList<>();
        try (var select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setString(i + 1, values[i]);
            }
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    Email e = new Email(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5));
                    boolean body = ErasedTexts.names(e.text(), names) || ErasedTexts.names(e.html(), names);
                    Email after = new Email(e.id(), ErasedTexts.erased(e.subject(), names),
                            body ? PersonalData.ERASED : e.text(), body ? PersonalData.ERASED : e.html(),
                            ErasedTexts.erased(e.lastError(), names));
                    if (!after.equals(e)) {
                        changed.add(after);
                    }
                }
            }
        }
        try (var update = connection.prepareStatement("""
                UPDATE notification_service.email_delivery
                SET subject = ?, text_body = ?, html_body = ?, last_error = ? WHERE id = ?""")) {
            for (Email e : changed) {
                update.setString(1, e.subject());
                update.setString(2, e.text());
                update.setString(3, e.html());
                update.setString(4, e.lastError());
                update.setObject(5, e.id());
                update.executeUpdate();
            }
        }
        return changed.size();
    }

    private static int inbox(Connection connection, String caseId, Map<String, String> names) throws SQLException {
        record Notice(UUID id, String subject, String body) {
        }
        List<Notice> changed = new ArrayList<>();
        try (var select = connection.prepareStatement("""
                SELECT id, subject, body FROM notification_service.inbox_notification WHERE case_id = ?
                FOR UPDATE""")) {
            select.setString(1, caseId);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    Notice n = new Notice(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3));
                    Notice after = new Notice(n.id(), ErasedTexts.erased(n.subject(), names),
                            ErasedTexts.erased(n.body(), names));
                    if (!after.equals(n)) {
                        changed.add(after);
                    }
                }
            }
        }
        try (var update = connection.prepareStatement(
                "UPDATE notification_service.inbox_notification SET subject = ?, body = ? WHERE id = ?")) {
            for (Notice n : changed) {
                update.setString(1, n.subject());
                update.setString(2, n.body());
                update.setObject(3, n.id());
                update.executeUpdate();
            }
        }
        return changed.size();
    }

    /** Each text of a payload (a JSON document) that names them is erased; ids and the document's shape stay. */
    private static int webhooks(Connection connection, String caseId, Map<String, String> names)
            throws SQLException {
        record Delivery(UUID id, String payload, String lastError) {
        }
        List<Delivery> changed = new ArrayList<>();
        try (var select = connection.prepareStatement("""
                SELECT id, payload, last_error FROM notification_service.webhook_delivery WHERE case_id = ?
                FOR UPDATE""")) {
            select.setString(1, caseId);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    Delivery d = new Delivery(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3));
                    Delivery after = new Delivery(d.id(), payload(d.payload(), names),
                            ErasedTexts.erased(d.lastError(), names));
                    if (!after.equals(d)) {
                        changed.add(after);
                    }
                }
            }
        }
        try (var update = connection.prepareStatement(
                "UPDATE notification_service.webhook_delivery SET payload = ?, last_error = ? WHERE id = ?")) {
            for (Delivery d : changed) {
                update.setString(1, d.payload());
                update.setString(2, d.lastError());
                update.setObject(3, d.id());
                update.executeUpdate();
            }
        }
        return changed.size();
    }

    /** Read as JSON rather than searched as stored: a text in it may be escaped. */
    private static String payload(String payload, Map<String, String> names) {
        try {
            JsonNode document = JSON.readTree(payload);
            JsonNode erased = erased(document.deepCopy(), names);
            return erased.equals(document) ? payload : JSON.writeValueAsString(erased);
        } catch (JsonProcessingException notJson) {
            return ErasedTexts.erased(payload, names);
        }
    }

    private static JsonNode erased(JsonNode node, Map<String, String> names) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> field.setValue(erased(field.getValue(), names)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, erased(array.get(i), names));
            }
        } else if (node.isTextual() && ErasedTexts.names(node.textValue(), names)) {
            return TextNode.valueOf(PersonalData.ERASED);
        }
        return node;
    }

    private static int title(Connection connection, String caseId, Map<String, String> names) throws SQLException {
        try (var update = connection.prepareStatement(
                "UPDATE notification_service.case_title SET title = ? WHERE case_id = ? AND title <> ?")) {
            Optional<String> title;
            try (var select = connection.prepareStatement(
                    "SELECT title FROM notification_service.case_title WHERE case_id = ? FOR UPDATE")) {
                select.setString(1, caseId);
                try (var rows = select.executeQuery()) {
                    title = rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
            if (title.isEmpty() || !ErasedTexts.names(title.get(), names)) {
                return 0;
            }
            update.setString(1, PersonalData.ERASED);
            update.setString(2, caseId);
            update.setString(3, PersonalData.ERASED);
            return update.executeUpdate();
        }
    }

    private static void update(Connection connection, String sql, String... values) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
