package org.compliance.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.compliance.platform.directory.DirectoryUnavailable;
import org.junit.jupiter.api.Test;

/** Names make notices readable and never hold them back: the directory down, the last names or the alias serve. */
class OrganisationNamesTest {

    private final AtomicReference<Map<String, String>> answer = new AtomicReference<>(
            Map.of("northwind-cloud", "Northwind Cloud Ltd"));
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
    private final OrganisationNames names = new OrganisationNames(new Directory() {
        @Override
        public List<Person> membersOf(String organisationAlias) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Person> withRole(String role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Person> person(String userId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, String> organisationNames() {
            asked.incrementAndGet();
            Map<String, String> names = answer.get();
            if (names == null) {
                throw new DirectoryUnavailable("Keycloak could not be reached", null);
            }
            return names;
        }
    }, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });

    @Test
    void names_come_from_the_directory_and_an_alias_it_does_not_name_stands_for_itself() {
        var known = new EventNames("c-1", Optional.empty(), names.now());
        assertThat(known.organisation("northwind-cloud")).isEqualTo("Northwind Cloud Ltd");
        assertThat(known.organisation("contoso-models")).isEqualTo("contoso-models");
    }

    @Test
    void when_the_directory_is_down_the_last_names_serve_and_it_is_not_asked_again_for_a_while() {
        names.now();
        answer.set(null);
        assertThat(names.now()).containsEntry("northwind-cloud", "Northwind Cloud Ltd");
        int askedSoFar = asked.get();
        assertThat(names.now()).containsEntry("northwind-cloud", "Northwind Cloud Ltd");
        assertThat(asked.get()).as("not asked again at once").isEqualTo(askedSoFar);

        answer.set(Map.of("northwind-cloud", "Northwind Cloud Limited"));
        now.set(now.get().plus(OrganisationNames.QUIET_AFTER_FAILURE));
        assertThat(names.now()).containsEntry("northwind-cloud", "Northwind Cloud Limited");
    }

    @Test
    void never_having_had_an_answer_every_organisation_is_named_by_its_alias() {
        answer.set(null);
        assertThat(new EventNames("c-1", Optional.empty(), names.now()).organisation("northwind-cloud"))
                .isEqualTo("northwind-cloud");
    }
}
