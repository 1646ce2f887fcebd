package cn.zz.pipeline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Format;
import com.networknt.schema.format.DateFormat;
import com.networknt.schema.format.UriFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The cheaper checks a consumer runs on every event give the verdicts of the validator's own. */
class SchemaFormatsTest {

    @Test
    void uuidIsTheTextFormExactly() {
        assertThat(SchemaFormats.Uuid.isUuid("0b5c2a0e-7d3f-4c1a-9e8b-2f6d4a1c3e5b")).isTrue();
        assertThat(SchemaFormats.Uuid.isUuid("0B5C2A0E-7D3F-4C1A-9E8B-2F6D4A1C3E5B")).isTrue();
        assertThat(List.of("", "0b5c2a0e7d3f4c1a9e8b2f6d4a1c3e5b", "0b5c2a0e-7d3f-4c1a-9e8b-2f6d4a1c3e5",
                "0b5c2a0e-7d3f-4c1a-9e8b-2f6d4a1c3e5bb", "0b5c2a0e-7d3f-4c1a-9e8b+2f6d4a1c3e5b",
                "0b5c2a0e-7d3f-4c1a-9e8b-2f6d4a1c3e5g", "0b5c2a0e-7d3f-4c1a-9e8b-2f6d4a1c3e5b\n",
                "{b5c2a0e-7d3f-4c1a-9e8b-2f6d4a1c3e5}"))
                .noneMatch(SchemaFormats.Uuid::isUuid);
    }

    @Test
    void aUuidWithALineBreakAfterItIsRefusedAsBefore() {
        // The schema's pattern alone (found with find(), ending in $) would let a final line break through; the format
        // refuses it, as the validator's own format (a whole-string match) did.
        String json = SampleEvents.json(EventType.TASK_DECIDED, n -> n.put("id", n.get("id").textValue() + "\n"));
        assertThatThrownBy(() -> EventCodec.validate(json)).isInstanceOf(InvalidEventException.class)
                .extracting(e -> ((InvalidEventException) e).reason()).asString().startsWith("$.id: ");
    }

    @Test
    void rememberedFormatsGiveTheValidatorsVerdictEveryTime() {
        Format date = new SchemaFormats.Remembered(new DateFormat());
        Format uri = new SchemaFormats.Remembered(new UriFormat());
        List<String> dates = List.of("2024-02-29", "2026-02-29", "2026-13-01", "2026-1-01", "0000-01-01", "2026-06-30",
                "2026-06-30T00:00:00Z", "");
        List<String> uris = List.of(EventType.PROJECT_DECLARED.dataschema().toString(), "relative/path", "http://a b",
                "urn:isbn:0451450523", "");
        for (int round = 0; round < 3; round++) { // the second and third rounds answer from what was remembered
            for (String d : dates) {
                assertThat(date.matches(null, d)).as(d).isEqualTo(new DateFormat().matches(null, d));
            }
            for (String u : uris) {
                assertThat(uri.matches(null, u)).as(u).isEqualTo(new UriFormat().matches(null, u));
            }
        }
        assertThat(date.matches(null, "2026-02-29")).isFalse();
        assertThat(date.getName()).isEqualTo("date");
        assertThat(date.getMessageKey()).isEqualTo(new DateFormat().getMessageKey());
    }

    @Test
    void pastItsMemoryAFormatStillChecksEveryValue() {
        Format date = new SchemaFormats.Remembered(new DateFormat());
        for (int day = 0; day < 5000; day++) {
            assertThat(date.matches(null, java.time.LocalDate.ofEpochDay(day).toString())).isTrue();
        }
        assertThat(date.matches(null, "1970-02-30")).isFalse();
        assertThat(date.matches(null, "2040-01-01")).isTrue();
    }

    @Test
    void patternsGiveTheSameVerdictsOnManyThreadsAtOnce() throws Exception {
        String good = SampleEvents.json(EventType.INVESTMENT_REPORTED, n -> { });
        String badPeriod = SampleEvents.json(EventType.INVESTMENT_REPORTED,
                n -> ((ObjectNode) n.get("data")).put("period", "2025-13"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Callable<Integer> run = () -> {
                    int wrong = 0;
                    for (int i = 0; i < 500; i++) {
                        wrong += EventCodec.read(good) == null ? 1 : 0;
                        try {
                            EventCodec.read(badPeriod);
                            wrong++;
                        } catch (InvalidEventException expected) {
                            wrong += expected.reason().startsWith("$.data.period: ") ? 0 : 1;
                        }
                    }
                    return wrong;
                };
                runs.add(pool.submit(run));
            }
            for (Future<Integer> run : runs) {
                assertThat(run.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void envelopeAttributesThatRecurAreSharedCopies() throws Exception {
        String json = EventCodec.write(SampleEvents.envelope(EventType.PROJECT_ADMITTED));
        EventEnvelope first = EventCodec.read(json);
        EventEnvelope second = EventCodec.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(second.type()).isSameAs(first.type()).isSameAs(EventType.PROJECT_ADMITTED.type());
        assertThat(second.source()).isSameAs(first.source());
        assertThat(second.specversion()).isSameAs(EventEnvelope.SPEC_VERSION);
        assertThat(second.datacontenttype()).isSameAs(EventEnvelope.DATA_CONTENT_TYPE);
        assertThat(second).isEqualTo(first).isEqualTo(SampleEvents.envelope(EventType.PROJECT_ADMITTED));
    }

    @Test
    void timesAreReadAsRfc3339AndAnythingElseAsBefore() throws Exception {
        for (String time : List.of("2025-06-30T08:00:00Z", "2025-06-30T16:00:00+08:00", "2025-06-30T08:00:00.123456789Z",
                "2025-06-29T23:30:00-08:30", "2024-02-29T00:00:00Z")) {
            String json = SampleEvents.json(EventType.CASE_APPROVED, n -> n.put("time", time));
            assertThat(EventCodec.read(json).time()).as(time)
                    .isEqualTo(java.time.OffsetDateTime.parse(time).toInstant());
        }
        // Without validation (the plain mapper), what the schema would refuse is bound by Jackson, as it was.
        String farFuture = SampleEvents.json(EventType.CASE_APPROVED, n -> n.put("time", "+10000-01-01T00:00:00Z"));
        assertThat(EventCodec.mapper().readValue(farFuture, EventEnvelope.class).time())
                .isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
        assertThatThrownBy(() -> EventCodec.read(farFuture)).isInstanceOf(InvalidEventException.class);
        String epochSeconds = SampleEvents.json(EventType.CASE_APPROVED, n -> n.put("time", 1751270400L));
        assertThat(EventCodec.mapper().readValue(epochSeconds, EventEnvelope.class).time())
                .isEqualTo(Instant.ofEpochSecond(1751270400L));
    }
}
