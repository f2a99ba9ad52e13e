package org.compliance.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Instants read through the shortcut are exactly those the general ISO parser and Jackson's reader give. */
class StoredInstantsTest {

    private static final String[] OTHER_TEXTS = {"2026-12-03T07:44:45.1Z", "2026-12-03T07:44:45.123456789Z",
            "2026-02-28T23:59:59Z", "2024-02-29T00:00:00.000Z", "+12026-12-03T07:44:45Z", "2026-12-03T24:00:00Z",
            "2026-12-03T23:59:60Z", "2026-12-03T07:44:45+01:00", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-00-01T00:00:00Z", "2026-12-00T00:00:00Z", "2026-12-03T07:60:00Z", "2026-12-03T07:44:45.Z",
            "2026-12-03T07:44:45.1234567890Z", "2026-12-03 07:44:45Z", "2026-12-03T07:44:4xZ",
            "2026-12-03T07:44:45.12x4Z", "-2026-12-03T07:44:45Z", " 2026-12-03T07:44:45Z", ""};

    private final ObjectMapper stored = EventSerialization.storageObjectMapper();
    private final ObjectMapper general = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @Test
    void every_instant_as_the_store_writes_it_reads_back_as_itself() throws Exception {
        SplittableRandom random = new SplittableRandom(20261203);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(StoredInstants.parse(instant.toString())).isEqualTo(instant);
            assertThat(stored.readValue(stored.writeValueAsString(instant), Instant.class)).isEqualTo(instant);
        }
    }

    @Test
    void any_other_text_is_read_or_refused_as_the_general_parser_reads_or_refuses_it() {
        for (String text : OTHER_TEXTS) {
            assertThat(outcome(() -> StoredInstants.parse(text))).as(text)
                    .isEqualTo(outcome(() -> Instant.parse(text)));
            String json = general.valueToTree(text).toString();
            assertThat(outcome(() -> stored.readValue(json, Instant.class))).as(json)
                    .isEqualTo(outcome(() -> general.readValue(json, Instant.class)));
        }
        for (String json : new String[] {"1764747885", "1764747885.129", "\"1764747885\"", "null"}) {
            assertThat(outcome(() -> stored.readValue(json, Instant.class))).as(json)
                    .isEqualTo(outcome(() -> general.readValue(json, Instant.class)));
        }
    }

    /** The instant read, or that the text was refused. */
    private static String outcome(Callable<Instant> read) {
        try {
            return String.valueOf(read.call());
        } catch (DateTimeException refused) {
            return "refused";
        } catch (Exception refused) {
            return "refused: " + refused.getClass().getSimpleName();
        }
    }
}
