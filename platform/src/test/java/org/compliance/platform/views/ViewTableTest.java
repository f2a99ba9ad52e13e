package org.compliance.platform.views;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ViewTableTest {

    @Table(schema = "some_service", name = "thing_view")
    public static class ThingRow {
        @Id
        @Column(name = "thing_id")
        public String thingId;
        public long version;
        @Column(name = "updated_at")
        public Instant updatedAt;
        @Transient
        public String derived;
    }

    /** As Quarkus leaves an entity once it has enhanced it: its fields private. */
    @Table(schema = "some_service", name = "enhanced_view")
    public static class EnhancedRow {
        @Id
        @Column(name = "thing_id")
        private String thingId;
        private long version;
        private transient Object $$_hibernate_tracker;
    }

    @Test
    void private_fields_are_columns_too_and_what_the_enhancer_adds_is_not() {
        assertThat(ViewTable.of(EnhancedRow.class).upsertStatement()).isEqualTo(
                "INSERT INTO some_service.enhanced_view (thing_id, version) VALUES (?, ?)"
                        + " ON CONFLICT (thing_id) DO UPDATE SET version = excluded.version");
    }

    @Test
    void the_upsert_names_the_entity_s_columns_and_updates_all_but_the_key() {
        assertThat(ViewTable.of(ThingRow.class).upsertStatement()).isEqualTo(
                "INSERT INTO some_service.thing_view (thing_id, version, updated_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (thing_id) DO UPDATE SET version = excluded.version,"
                        + " updated_at = excluded.updated_at");
    }
}
