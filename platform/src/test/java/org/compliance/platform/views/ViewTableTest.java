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

    /** How Quarkus leaves an entity at run time: its fields protected, beside transient fields of Hibernate's. */
    @Table(schema = "some_service", name = "thing_view")
    public static class EnhancedThingRow {
        @Id
        @Column(name = "thing_id")
        protected String thingId;
        protected long version;
        @Column(name = "updated_at")
        protected Instant updatedAt;
        private transient Object $$_hibernate_tracker;
    }

    @Test
    void an_entity_as_quarkus_enhances_it_has_the_same_columns() {
        assertThat(ViewTable.of(EnhancedThingRow.class).upsertStatement())
                .isEqualTo(ViewTable.of(ThingRow.class).upsertStatement());
    }

    @Test
    void the_upsert_names_the_entity_s_columns_and_updates_all_but_the_key() {
        assertThat(ViewTable.of(ThingRow.class).upsertStatement()).isEqualTo(
                "INSERT INTO some_service.thing_view (thing_id, version, updated_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (thing_id) DO UPDATE SET version = excluded.version,"
                        + " updated_at = excluded.updated_at");
    }

    @Test
    void insert_if_absent_leaves_an_existing_row_as_it_is() {
        assertThat(ViewTable.of(ThingRow.class).insertIfAbsentStatement()).isEqualTo(
                "INSERT INTO some_service.thing_view (thing_id, version, updated_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING");
    }
}
