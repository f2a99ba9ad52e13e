package org.compliance.notifications.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Unremovable;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.compliance.api.notifications.views.Subscription;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.evidence.EvidenceEvent;
import org.compliance.notifications.application.Directory.Person;
import org.compliance.notifications.domain.Audience;
import org.compliance.notifications.domain.Channel;
import org.compliance.notifications.domain.Notice;
import org.compliance.notifications.domain.NotificationPolicy;
import org.compliance.notifications.domain.Preferences;
import org.compliance.notifications.domain.Words;
import org.compliance.notifications.roster.CaseRoster;
import org.compliance.platform.messaging.EventMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Turns each event into notifications: the policy says what and for whom, the roster and the directory
 * say who those people are (leaving out the one whose action it was, unless they chose otherwise), their
 * preferences say which channels; everything is written to the outbox in
 * the processor's transaction, so it commits with the processor's token or not at all.
 */
@ApplicationScoped
@Unremovable
@ProcessingGroup("notifier")
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Directory directory;
    private final OrganisationNames organisationNames;
    private final CaseRoster roster;
    private final PreferenceStore preferences;
    private final Webhooks webhooks;
    private final Outbox outbox;
    private final Template text;
    private final Template html;
    private final Clock clock;
    private final String portalUrl;

    public Notifier(Directory directory, OrganisationNames organisationNames, CaseRoster roster,
                    PreferenceStore preferences, Webhooks webhooks, Outbox outbox,
                    @Location("email/notice.txt") Template text, @Location("email/notice.html") Template html,
                    Clock clock,
                    @ConfigProperty(name = "compliance.portal.url") String portalUrl) {
        this.directory = directory;
        this.organisationNames = organisationNames;
        this.roster = roster;
        this.preferences = preferences;
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.text = text;
        this.html = html;
        this.clock = clock;
        this.portalUrl = portalUrl;
    }

    @EventHandler
    void on(CaseEvent event, EventMessage<?> message) throws SQLException {
        notify(message, NotificationPolicy.notices(event, names(event.caseId()), actingUser(message)));
    }

    @EventHandler
    void on(EvidenceEvent event, EventMessage<?> message) throws SQLException {
        notify(message, NotificationPolicy.notices(event, names(event.caseId())));
    }

    private EventNames names(String caseId) throws SQLException {
        return new EventNames(caseId, roster.title(caseId), organisationNames.now());
    }

    /** Who sent the command that recorded the event (see platform's EventMetadata), when a person did. */
    private static String actingUser(EventMessage<?> message) {
        return message.getMetaData().get(EventMetadata.ACTOR_SUBJECT) instanceof String subject ? subject : null;
    }

    private void notify(EventMessage<?> message, List<Notice> notices) throws SQLException {
        for (Notice notice : notices) {
            notify(message.getIdentifier(), message.getTimestamp(), notice);
        }
    }

    private void notify(String eventId, Instant at, Notice notice) throws SQLException {
        Map<String, Person> people = new LinkedHashMap<>();
        Set<String> organisations = new LinkedHashSet<>();
        for (Audience audience : notice.audience()) {
            resolve(audience, people, organisations);
        }
        String link = link(notice);
        Instant now = clock.instant();
        for (Person person : people.values()) {
            Preferences chosen = preferences.of(person.userId());
            if (!chosen.tellsOf(notice, person.userId())) {
                continue;
            }
            if (chosen.wants(notice.kind(), Channel.INBOX) && outbox.inbox(eventId, person.userId(), notice, link, at)) {
                LOG.infof("Inbox: %s for %s on case %s (event %s)", notice.kind(), person.userId(), notice.caseId(),
                        eventId);
            }
            if (person.email() != null && chosen.wants(notice.kind(), Channel.EMAIL)) {
                boolean digest = chosen.holdsForDigest(notice.kind());
                outbox.email(eventId, person, notice, email(person, notice, link), link, digest, now);
            }
        }
        for (String organisation : organisations) {
            for (Subscription subscription : webhooks.active(organisation)) {
                UUID deliveryId = UUID.nameUUIDFromBytes((eventId + "/" + subscription.id()).getBytes());
                outbox.webhook(eventId, deliveryId, subscription.id(), notice.caseId(), notice.kind().webhookType(),
                        payload(deliveryId, notice, organisation, organisationNames.now().getOrDefault(organisation,
                                organisation), at, link), now);
            }
        }
    }

    private void resolve(Audience audience, Map<String, Person> people, Set<String> organisations)
            throws SQLException {
        switch (audience) {
            case Audience.Person p -> add(people, p.userId());
            case Audience.Role r -> directory.withRole(r.name()).forEach(person -> people.putIfAbsent(person.userId(), person));
            case Audience.CaseLead l -> {
                var lead = roster.lead(l.caseId());
                if (lead.isPresent()) {
                    add(people, lead.get());
                }
            }
            case Audience.CaseTeam t -> {
                for (String userId : roster.team(t.caseId())) {
                    add(people, userId);
                }
            }
            case Audience.Organisation o -> organisation(o.alias(), people, organisations);
            case Audience.RequestRespondent r -> {
                var alias = roster.respondentOf(r.requestId());
                if (alias.isPresent()) {
                    organisation(alias.get(), people, organisations);
                }
            }
            case Audience.CaseParties c -> {
                for (String alias : roster.parties(c.caseId())) {
                    organisation(alias, people, organisations);
                }
            }
        }
    }

    private void organisation(String alias, Map<String, Person> people, Set<String> organisations) {
        organisations.add(alias);
        directory.membersOf(alias).forEach(person -> people.putIfAbsent(person.userId(), person));
    }

    /** Someone Keycloak does not know (any more) still gets the inbox notice addressed to their id. */
    private void add(Map<String, Person> people, String userId) {
        if (!people.containsKey(userId)) {
            people.put(userId, directory.person(userId).orElse(new Person(userId, userId, null)));
        }
    }

    private Outbox.Email email(Person person, Notice notice, String link) {
        String subject = (notice.kind().isLegalNotice() ? "[Formal notice] " : "")
                + (notice.urgency().ordinal() > 0 ? "[" + notice.urgency() + "] " : "") + notice.subject();
        Map<String, Object> data = Map.of("name", person.name(), "subject", subject, "body", notice.body(),
                "caseTitle", notice.caseTitle(), "link", link, "legal", notice.kind().isLegalNotice());
        return new Outbox.Email(subject, render(text, data), render(html, data));
    }

    static String render(Template template, Map<String, Object> data) {
        var instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private String link(Notice notice) {
        return notice.requestId() != null ? portalUrl + "/requests/" + notice.requestId()
                : portalUrl + "/cases/" + notice.caseId();
    }

    private static String payload(UUID deliveryId, Notice notice, String organisation, String organisationName,
                                  Instant at, String link) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", notice.caseId());
        data.put("caseTitle", notice.caseTitle());
        data.put("requestId", notice.requestId());
        data.put("organisationName", organisationName);
        data.put("timeInWords", Words.moment(at));
        data.put("urgency", notice.urgency().name());
        data.put("subject", notice.subject());
        data.put("body", notice.body());
        data.put("link", link);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", deliveryId.toString());
        body.put("type", notice.kind().webhookType());
        body.put("time", at.toString());
        body.put("organisation", organisation);
        body.put("data", data);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
