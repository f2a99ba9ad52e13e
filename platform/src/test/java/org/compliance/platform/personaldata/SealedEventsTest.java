package org.compliance.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.compliance.api.cases.CaseNoteAdded;
import org.compliance.api.cases.Complainant;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;
import org.compliance.platform.axon.EventSerialization;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stored form of personal data (decision 29): sealed under its subjects' keys, opened while they last, erased
 * once any is destroyed; plain when it names nobody. The keys are kept in memory here (JdbcSubjectKeys is the
 * services', tested through them against PostgreSQL).
 */
class SealedEventsTest {

    private static final StaffMember IRIS = new StaffMember("u-iris", "Iris");
    private final ObjectMapper events = EventSerialization.eventObjectMapper();
    private final InMemoryKeys keys = new InMemoryKeys();

    @BeforeEach
    void install() {
        Sealing.install(keys);
    }

    @Test
    void a_person_s_name_is_stored_sealed_and_reads_back_until_their_key_is_destroyed() throws Exception {
        Complainant rowena = new Complainant("C1", Complainant.Kind.PERSON, "Rowena Quillfeather", null).onCase("k1");
        String stored = events.writeValueAsString(rowena);
        assertThat(stored).doesNotContain("Quillfeather").contains("\"sealed\"").contains("k1/C1");
        assertThat(events.readValue(stored, Complainant.class)).isEqualTo(rowena);

        keys.destroy("k1/C1");
        assertThat(events.readValue(stored, Complainant.class).name()).isEqualTo(PersonalData.ERASED);
        assertThat(PersonalDataIntrospector.openAll(new ObjectMapper().readTree(stored)).path("name").asText())
                .isEqualTo(PersonalData.ERASED);
        assertThatThrownBy(() -> events.writeValueAsString(rowena)).hasRootCauseInstanceOf(
                SubjectKeys.SubjectErased.class);
    }

    @Test
    void what_names_nobody_and_what_was_stored_before_sealing_stay_plain() throws Exception {
        Complainant company = new Complainant("C2", Complainant.Kind.ORGANISATION, "Fair Data Network", "fair-data")
                .onCase("k1");
        assertThat(events.writeValueAsString(company)).contains("\"name\":\"Fair Data Network\"");
        String before = "{\"complainantId\":\"C3\",\"kind\":\"PERSON\",\"name\":\"Old Name\"}";
        assertThat(events.readValue(before, Complainant.class).name()).isEqualTo("Old Name");
        // the plain mapper (views, answers) never seals
        Complainant person = new Complainant("C4", Complainant.Kind.PERSON, "Ada Lovelace", null).onCase("k1");
        assertThat(EventSerialization.storageObjectMapper().writeValueAsString(person)).contains("Ada Lovelace");
    }

    @Test
    void a_text_naming_two_subjects_is_erased_with_either() throws Exception {
        CaseNoteAdded note = new CaseNoteAdded("k1", "N1", "Met Ada and Rowena", IRIS, Instant.EPOCH,
                List.of("k1/C1", "k1/C2"));
        String stored = events.writeValueAsString(note);
        assertThat(stored).doesNotContain("Met Ada");
        assertThat(events.readValue(stored, CaseNoteAdded.class)).isEqualTo(note);
        keys.destroy("k1/C2");
        assertThat(events.readValue(stored, CaseNoteAdded.class).text()).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void a_sealed_text_moved_to_other_subjects_does_not_open() throws Exception {
        CaseNoteAdded note = new CaseNoteAdded("k1", "N1", "About Rowena", IRIS, Instant.EPOCH, List.of("k1/C1"));
        keys.keyToSeal("k1/C9");
        ObjectNode stored = (ObjectNode) new ObjectMapper().readTree(events.writeValueAsString(note));
        ((ObjectNode) stored.path("text").path("sealed")).putArray("subjects").add("k1/C9");
        assertThatThrownBy(() -> events.treeToValue(stored, CaseNoteAdded.class))
                .hasStackTraceContaining("does not open with their keys");
    }

    @Test
    void every_sealed_text_of_a_tree_is_opened() throws Exception {
        CaseNoteAdded note = new CaseNoteAdded("k1", "N1", "About Rowena", IRIS, Instant.EPOCH, List.of("k1/C1"));
        JsonNode tree = new ObjectMapper().readTree(events.writeValueAsString(Map.of("notes", List.of(note))));
        assertThat(PersonalDataIntrospector.openAll(tree).path("notes").get(0).path("text").asText())
                .isEqualTo("About Rowena");
    }

    @Test
    void a_list_of_texts_is_sealed_item_by_item_and_erased_with_its_subjects() throws Exception {
        EvidenceRequestIssued issued = new EvidenceRequestIssued("r1", "k1", "northwind", List.of("Rowena's e-mails",
                "The access logs"), "Art. 58", "Ask Rowena's manager", Instant.EPOCH, "UTC", IRIS, Instant.EPOCH,
                null, List.of(), null, List.of("k1/C1"));
        String stored = events.writeValueAsString(issued);
        assertThat(stored).doesNotContain("Rowena").doesNotContain("access logs");
        JsonNode items = new ObjectMapper().readTree(stored).path("items");
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).path("sealed").path("subjects").get(0).asText()).isEqualTo("k1/C1");
        assertThat(events.readValue(stored, EvidenceRequestIssued.class)).isEqualTo(issued);

        keys.destroy("k1/C1");
        EvidenceRequestIssued erased = events.readValue(stored, EvidenceRequestIssued.class);
        assertThat(erased.items()).containsExactly(PersonalData.ERASED, PersonalData.ERASED);
        assertThat(erased.instructions()).isEqualTo(PersonalData.ERASED);
        assertThat(PersonalDataIntrospector.openAll(new ObjectMapper().readTree(stored)).path("items").get(1).asText())
                .isEqualTo(PersonalData.ERASED);
    }

    @Test
    void a_list_of_texts_naming_nobody_or_stored_before_sealing_stays_plain() throws Exception {
        EvidenceRequestIssued plain = new EvidenceRequestIssued("r1", "k1", "northwind", List.of("Logs"), "Art. 58",
                "", Instant.EPOCH, "UTC", IRIS, Instant.EPOCH);
        assertThat(events.writeValueAsString(plain)).contains("\"items\":[\"Logs\"]");
        String before = "{\"requestId\":\"r0\",\"items\":[\"Old logs\",\"Old mail\"],\"instructions\":\"x\"}";
        EvidenceRequestIssued old = events.readValue(before, EvidenceRequestIssued.class);
        assertThat(old.items()).containsExactly("Old logs", "Old mail");
        assertThat(old.namedSubjects()).isEmpty();
    }

    /** Keys in memory, as JdbcSubjectKeys keeps them in PostgreSQL. */
    private static final class InMemoryKeys implements SubjectKeys {
        private final Map<String, Optional<byte[]>> keys = new ConcurrentHashMap<>();

        @Override
        public byte[] keyToSeal(String subject) {
            return keys.computeIfAbsent(subject, s -> {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                return Optional.of(key);
            }).orElseThrow(() -> new SubjectErased(subject));
        }

        @Override
        public Optional<byte[]> keyToUnseal(String subject) {
            return keys.getOrDefault(subject, Optional.empty());
        }

        @Override
        public boolean destroy(String subject) {
            return keys.put(subject, Optional.empty()) != null;
        }
    }
}
