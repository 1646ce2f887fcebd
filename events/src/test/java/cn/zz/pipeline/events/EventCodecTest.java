package cn.zz.pipeline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final String PROJECT_ID = SampleEvents.PROJECT_ID.toString();

    @Test
    void wireFormatIsStructuredModeCloudEvents() throws Exception {
        String json = EventCodec.write(SampleEvents.envelope(EventType.PROJECT_REGISTERED));

        assertThat(json).startsWith("{\"specversion\":\"1.0\",\"id\":\"");
        JsonNode node = EventCodec.mapper().readTree(json);
        assertThat(node.path("type").asText()).isEqualTo("pipeline.project.registered.v1");
        assertThat(node.path("subject").asText()).isEqualTo(PROJECT_ID);
        assertThat(node.path("time").asText()).isEqualTo("2025-06-30T08:00:00Z");
        assertThat(node.path("datacontenttype").asText()).isEqualTo("application/json");
        // Envelope 2: the CloudEvents sequence extension's string, and the type's schema as dataschema.
        assertThat(node.path("sequence").isTextual()).isTrue();
        assertThat(node.path("sequence").textValue()).isEqualTo("0000000000000000007");
        assertThat(node.path("dataschema").asText())
                .isEqualTo("https://schemas.pipeline.zz.cn/events/pipeline.project.registered.v1.json");
        assertThat(json).contains("\"datacontenttype\":\"application/json\",\"dataschema\":");
        assertThat(node.at("/data/project/plannedStart").asText()).isEqualTo("2025-03-01");
        assertThat(node.at("/data/project/stage").asText()).isEqualTo("RESERVE");
        assertThat(node.at("/data/project/constructionType").asText()).isEqualTo("NEW");
        assertThat(node.has("eventType")).isFalse();
        assertThat(node.path("data").has("projectId")).isFalse();
        assertThat(json).contains("\"totalInvestment\":300000,").contains("\"annualTax\":36000.75,");
    }

    @Test
    void nullsAreLeftOut() throws Exception {
        String json = EventCodec.write(SampleEvents.envelope(EventType.PROJECT_ADMITTED));
        JsonNode data = EventCodec.mapper().readTree(json).path("data");
        assertThat(data.has("reason")).isFalse();
        assertThat(data.has("actor")).isFalse();
    }

    @Test
    void onlyAHistoricalDeclarationSaysSo() throws Exception {
        ProjectDeclared live = (ProjectDeclared) SampleEvents.payload(EventType.PROJECT_DECLARED);
        String liveJson = EventCodec.write(EventEnvelope.create("/project-service", PROJECT_ID, 2, SampleEvents.TIME, live));
        assertThat(EventCodec.mapper().readTree(liveJson).path("data").has("historical")).isFalse();
        assertThat(((ProjectDeclared) EventCodec.read(liveJson).data()).replayed()).isFalse();

        ProjectDeclared replay = new ProjectDeclared(live.project(), live.date(), live.reason(), live.actor(), true);
        String json = EventCodec.write(EventEnvelope.create("/project-service", PROJECT_ID, 2, SampleEvents.TIME, replay));
        assertThat(EventCodec.mapper().readTree(json).path("data").path("historical").asBoolean()).isTrue();
        assertThat(((ProjectDeclared) EventCodec.read(json).data()).replayed()).isTrue();
    }

    @Test
    void amountsStayExactAndPlain() throws Exception {
        InvestmentReported report = new InvestmentReported(SampleEvents.PROJECT_ID, SampleEvents.CODE, "410106",
                "2025-06", 2025, 6, new BigDecimal("6.5E+4"), new BigDecimal("0.10000000000000000001"), null, null);
        EventEnvelope event = EventEnvelope.create("/project-service", PROJECT_ID, 3, SampleEvents.TIME, report);

        String json = EventCodec.write(event);

        assertThat(json).contains("\"amount\":65000,").contains("\"previousAmount\":0.10000000000000000001");
        EventEnvelope read = EventCodec.read(json);
        assertThat(read).isEqualTo(event);
        assertThat(((InvestmentReported) read.data()).previousAmount())
                .isEqualTo(new BigDecimal("0.10000000000000000001"));
    }

    @Test
    void equalAmountsWithDifferentScalesAreEqual() throws Exception {
        // JSON keeps no scale, so records canonicalise; 6500.50 and 6500.5 are one amount.
        InvestmentReported a = new InvestmentReported(SampleEvents.PROJECT_ID, SampleEvents.CODE, "410106", "2025-06",
                2025, 6, new BigDecimal("6500.50"), null, null, null);
        InvestmentReported b = new InvestmentReported(SampleEvents.PROJECT_ID, SampleEvents.CODE, "410106", "2025-06",
                2025, 6, new BigDecimal("6500.5"), null, null, null);
        assertThat(a).isEqualTo(b);
        assertThat(Decimals.canonical(new BigDecimal("1.2E+3")).toString()).isEqualTo("1200");
        assertThat(Decimals.canonical(new BigDecimal("0.000"))).isEqualTo(BigDecimal.ZERO);

        String json = EventCodec.write(EventEnvelope.create("/project-service", PROJECT_ID, 2, SampleEvents.TIME, a))
                .replace("\"amount\":6500.5", "\"amount\":6500.500");
        assertThat(((InvestmentReported) EventCodec.read(json).data()).amount()).isEqualTo(new BigDecimal("6500.5"));
    }

    @Test
    void timeWithOffsetOrFractionIsReadAsTheSameInstant() throws Exception {
        String json = sampleJson(EventType.CASE_APPROVED, n -> n.put("time", "2025-06-30T16:00:00+08:00"));
        assertThat(EventCodec.read(json).time()).isEqualTo(Instant.parse("2025-06-30T08:00:00Z"));
        EventEnvelope rejected = SampleEvents.envelope(EventType.CASE_REJECTED);
        assertThat(EventCodec.write(rejected)).contains("\"rejectedAt\":\"2025-05-02T09:15:30.123Z\"");
    }

    @Test
    void createFillsTheFixedAttributes() {
        EventPayload data = SampleEvents.payload(EventType.TASK_DECIDED);
        EventEnvelope a = EventEnvelope.create("/approval-service", PROJECT_ID, 1, SampleEvents.TIME, data);
        EventEnvelope b = EventEnvelope.create("/approval-service", PROJECT_ID, 1, SampleEvents.TIME, data);

        assertThat(a.specversion()).isEqualTo("1.0");
        assertThat(a.datacontenttype()).isEqualTo("application/json");
        assertThat(a.type()).isEqualTo("pipeline.approval.task-decided.v1");
        assertThat(a.eventType()).isEqualTo(EventType.TASK_DECIDED);
        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void envelopeInvariantsAreEnforced() {
        EventPayload data = SampleEvents.payload(EventType.PROJECT_STARTED);
        assertThatThrownBy(() -> EventEnvelope.create("/project-service", PROJECT_ID, 0, SampleEvents.TIME, data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence");
        assertThatThrownBy(() -> EventEnvelope.create("/project-service", UUID.randomUUID().toString(), 1,
                SampleEvents.TIME, data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> new EventEnvelope("1.0", UUID.randomUUID(), "/project-service",
                "pipeline.project.withdrawn.v1", PROJECT_ID, SampleEvents.TIME, "application/json", 1, data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match payload");
        // Upper-case UUID text from a foreign producer is the same project.
        assertThat(EventEnvelope.create("/project-service", PROJECT_ID.toUpperCase(), 1, SampleEvents.TIME, data))
                .isNotNull();
    }

    @Test
    void writeRefusesAnEventItsConsumersWouldReject() {
        ProjectSnapshot s = SampleEvents.snapshot(Stage.RESERVE);
        ProjectSnapshot noCode = new ProjectSnapshot(s.id(), null, s.name(), s.ownerName(), s.ownerCreditCode(),
                s.district(), s.park(), s.chain(), s.industry(), s.sector(), s.constructionType(), s.projectType(),
                s.totalInvestment(), s.landArea(), s.annualOutput(), s.annualTax(), s.takesNewLand(), s.eiaCategory(),
                s.privateInvestment(), s.plannedStart(), s.plannedProduction(), s.stage(), s.leader(), null);
        EventEnvelope event = EventEnvelope.create("/project-service", PROJECT_ID, 1, SampleEvents.TIME,
                new ProjectRegistered(noCode, "staff.shangjie"));

        assertThatThrownBy(() -> EventCodec.write(event))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.data.project: required property 'code' not found");
        assertThat(noCode.taskForce()).isEmpty();
    }

    @Test
    void plainMapperBindsByTypeWithoutValidation() throws Exception {
        EventEnvelope event = SampleEvents.envelope(EventType.CASE_OPENED);
        String json = EventCodec.write(event);
        assertThat(EventCodec.mapper().readValue(json, EventEnvelope.class)).isEqualTo(event);
    }

    @Test
    void tolerantReaderAcceptsAdditionsAndExtensions() throws Exception {
        String json = sampleJson(EventType.TASK_OVERDUE, n -> {
            n.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            ((ObjectNode) n.get("data")).put("workingDaysLate", 2);
        });
        assertThat(EventCodec.read(json)).isEqualTo(SampleEvents.envelope(EventType.TASK_OVERDUE));
    }

    @Test
    void peekReadsTheHeadAloneInEitherEnvelope() {
        for (EventType type : EventType.values()) {
            byte[] json = EventCodec.write(SampleEvents.envelope(type)).getBytes(StandardCharsets.UTF_8);
            assertThat(EventCodec.peek(json)).contains(new EventCodec.Head(type, PROJECT_ID, 7));
        }
        // Envelope 1 (integer sequence), and the data first: the order of the attributes does not matter.
        String one = sampleJson(EventType.PROJECT_DECLARED, n -> n.put("sequence", 7));
        assertThat(EventCodec.peek(one.getBytes(StandardCharsets.UTF_8)))
                .contains(new EventCodec.Head(EventType.PROJECT_DECLARED, PROJECT_ID, 7));
        String dataFirst = "{\"data\":{\"type\":\"x\",\"subject\":\"y\"},\"sequence\":\"0000000000000000003\","
                + "\"subject\":\"p\",\"type\":\"pipeline.project.assigned.v1\"}";
        assertThat(EventCodec.peek(dataFirst.getBytes(StandardCharsets.UTF_8)))
                .contains(new EventCodec.Head(EventType.PROJECT_ASSIGNED, "p", 3));
    }

    @Test
    void peekGivesNothingWhereReadWouldRefuse() {
        for (String bad : List.of("this is not json", "[]", "{}", "{\"type\":\"pipeline.project.unknown.v9\","
                        + "\"subject\":\"p\",\"sequence\":\"0000000000000000001\"}",
                "{\"type\":\"pipeline.project.assigned.v1\",\"subject\":\"p\",\"sequence\":\"1\"}",
                "{\"type\":\"pipeline.project.assigned.v1\",\"subject\":7,\"sequence\":1}",
                "{\"type\":\"pipeline.project.assigned.v1\",\"subject\":\"p\",\"sequence\":0}",
                "{\"type\":\"pipeline.project.assigned.v1\",\"subject\":\"p\"")) {
            assertThat(EventCodec.peek(bad.getBytes(StandardCharsets.UTF_8))).as(bad).isEmpty();
        }
        assertThat(EventCodec.peek(null)).isEmpty();
    }

    @Test
    void envelopeOneIsStillRead() throws Exception {
        // As written before issue 16 (events in topics, dead letters, historical data): integer sequence, no dataschema.
        EventEnvelope event = SampleEvents.envelope(EventType.PROJECT_DECLARED);
        String json = sampleJson(EventType.PROJECT_DECLARED, n -> {
            n.remove("dataschema");
            n.put("sequence", 7);
        });
        assertThat(json).contains("\"sequence\":7,").doesNotContain("dataschema");

        EventEnvelope read = EventCodec.read(json);

        assertThat(read).isEqualTo(event);
        assertThat(read.sequence()).isEqualTo(7);
        assertThat(read.dataschema()).isEqualTo(EventType.PROJECT_DECLARED.dataschema());
        // Written again it is an envelope 2 event.
        assertThat(EventCodec.write(read)).isEqualTo(EventCodec.write(event));
    }

    @Test
    void sequenceOrdersAsAString() throws Exception {
        assertThat(Sequence.format(1)).isEqualTo("0000000000000000001");
        assertThat(Sequence.format(Long.MAX_VALUE)).isEqualTo("9223372036854775807").hasSize(Sequence.DIGITS);
        long[] versions = {1, 2, 9, 10, 99, 100, 12_345, 1L << 40, Long.MAX_VALUE};
        for (int i = 1; i < versions.length; i++) {
            assertThat(Sequence.format(versions[i - 1]).compareTo(Sequence.format(versions[i]))).isNegative();
        }
        for (long v : versions) {
            EventEnvelope e = EventEnvelope.create("/project-service", PROJECT_ID, v, SampleEvents.TIME,
                    SampleEvents.payload(EventType.PROJECT_STARTED));
            assertThat(EventCodec.read(EventCodec.write(e)).sequence()).isEqualTo(v);
        }
    }

    @Test
    void sequenceStringsOutsideTheContract() {
        for (String bad : new String[] {"7", "00000000000000000007", "000000000000000000x", "+000000000000000007"}) {
            String json = sampleJson(EventType.PROJECT_STARTED, n -> n.put("sequence", bad));
            assertThat(rejection(json).violations()).as(bad).anyMatch(v -> v.startsWith("$.sequence: "));
        }
        String beyondLong = sampleJson(EventType.PROJECT_STARTED, n -> n.put("sequence", "9999999999999999999"));
        assertRejected(beyondLong).contains("sequence 9999999999999999999 is beyond a 64-bit integer");
        String zero = sampleJson(EventType.PROJECT_STARTED, n -> n.put("sequence", "0000000000000000000"));
        assertRejected(zero).contains("sequence must be >= 1");
        String fraction = sampleJson(EventType.PROJECT_STARTED, n -> n.put("sequence", 7.5));
        assertThat(rejection(fraction).violations()).anyMatch(v -> v.startsWith("$.sequence: "));
    }

    @Test
    void dataschemaOfAnotherType() {
        String json = sampleJson(EventType.PROJECT_STARTED,
                n -> n.put("dataschema", EventType.PROJECT_WITHDRAWN.dataschema().toString()));
        assertRejected(json).startsWith("cannot bind pipeline.project.started.v1: dataschema ");
        String notUri = sampleJson(EventType.PROJECT_STARTED, n -> n.put("dataschema", "kein schema"));
        assertThat(rejection(notUri).violations()).anyMatch(v -> v.startsWith("$.dataschema: "));
    }

    @Test
    void explicitNullForAnOptionalFieldIsAccepted() throws Exception {
        String json = sampleJson(EventType.TASK_OVERDUE, n -> ((ObjectNode) n.get("data")).putNull("escalatedTo"));
        assertThat(EventCodec.read(json).data()).hasFieldOrPropertyWithValue("escalatedTo", null);
    }

    // ---- rejections: each with a reason fit for a DLQ header

    @Test
    void unknownType() {
        String json = sampleJson(EventType.PROJECT_STARTED, n -> n.put("type", "pipeline.x.v1"));
        assertRejected(json).isEqualTo("unknown type pipeline.x.v1");
    }

    @Test
    void missingType() {
        String json = sampleJson(EventType.PROJECT_STARTED, n -> n.remove("type"));
        assertRejected(json).isEqualTo("missing type");
    }

    @Test
    void missingRequiredDataField() {
        String json = sampleJson(EventType.PROJECT_REGISTERED,
                n -> ((ObjectNode) n.at("/data/project")).remove("totalInvestment"));
        assertRejected(json).isEqualTo("$.data.project: required property 'totalInvestment' not found");
    }

    @Test
    void missingEnvelopeAttribute() {
        String json = sampleJson(EventType.CASE_APPROVED, n -> n.remove("subject"));
        assertRejected(json).isEqualTo("$: required property 'subject' not found");
    }

    @Test
    void wrongType() {
        String json = sampleJson(EventType.PROJECT_DECLARED,
                n -> ((ObjectNode) n.at("/data/project")).put("totalInvestment", "三十亿"));
        assertRejected(json).startsWith("$.data.project.totalInvestment: ").contains("number expected");
    }

    @Test
    void badPeriod() {
        String json = sampleJson(EventType.INVESTMENT_REPORTED,
                n -> ((ObjectNode) n.get("data")).put("period", "2025-13"));
        assertRejected(json).startsWith("$.data.period: ").contains("does not match the regex pattern");
    }

    @Test
    void periodInconsistentWithMonth() {
        String json = sampleJson(EventType.INVESTMENT_REPORTED,
                n -> ((ObjectNode) n.get("data")).put("period", "2025-05"));
        assertRejected(json).startsWith("cannot bind pipeline.project.investment-reported.v1: ")
                .contains("period 2025-05 does not match year 2025 month 6");
    }

    @Test
    void badEnumValueAndDateAndUuid() {
        String json = sampleJson(EventType.TASK_DECIDED, n -> {
            ((ObjectNode) n.get("data")).put("decision", "MAYBE");
            n.put("time", "2025/06/30 08:00");
            n.put("id", "not-a-uuid");
        });
        InvalidEventException e = rejection(json);
        assertThat(e.violations()).anyMatch(v -> v.startsWith("$.data.decision: "))
                .anyMatch(v -> v.startsWith("$.time: "))
                .anyMatch(v -> v.startsWith("$.id: "));
        assertThat(e.reason()).contains("$.data.decision");
    }

    @Test
    void badDistrictAndSequence() {
        String json = sampleJson(EventType.CASE_OPENED, n -> {
            ((ObjectNode) n.get("data")).put("district", "上街区");
            n.put("sequence", 0);
        });
        InvalidEventException e = rejection(json);
        assertThat(e.violations()).anyMatch(v -> v.startsWith("$.data.district: "))
                .anyMatch(v -> v.startsWith("$.sequence: "));
    }

    @Test
    void manyViolationsAreAbbreviated() {
        String json = sampleJson(EventType.CASE_REJECTED, n -> {
            ObjectNode data = (ObjectNode) n.get("data");
            data.removeAll();
        });
        InvalidEventException e = rejection(json);
        assertThat(e.violations()).hasSize(4);
        assertThat(e.reason()).endsWith("(+1 more)");
    }

    @Test
    void subjectNotTheProject() {
        String json = sampleJson(EventType.TASK_RETURNED, n -> n.put("subject", UUID.randomUUID().toString()));
        assertRejected(json).startsWith("cannot bind pipeline.approval.task-returned.v1: subject ");
    }

    @Test
    void malformedJson() {
        assertRejected("{\"specversion\":\"1.0\",").startsWith("malformed JSON: ");
        assertRejected("").isEqualTo("malformed JSON: no content");
        assertRejected("[1,2]").isEqualTo("event must be a JSON object, not array");
        String valid = EventCodec.write(SampleEvents.envelope(EventType.CASE_APPROVED));
        assertRejected(valid + "{}").startsWith("malformed JSON: ");
        assertRejected(valid.replace("{\"specversion\":\"1.0\",", "{\"specversion\":\"1.0\",\"specversion\":\"1.0\","))
                .startsWith("malformed JSON: Duplicate field 'specversion'");
        assertThatThrownBy(() -> EventCodec.read("\u00ff\u00fe".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventCodec.read((byte[]) null)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void validateChecksTheSchemaOnly() {
        // A subject that is not the payload's project is well-formed; only read() (binding) rejects it.
        String json = sampleJson(EventType.TASK_RETURNED, n -> n.put("subject", UUID.randomUUID().toString()));
        assertThatCode(() -> EventCodec.validate(json)).doesNotThrowAnyException();
    }

    private static String sampleJson(EventType type, Consumer<ObjectNode> change) {
        return SampleEvents.json(type, change);
    }

    private static InvalidEventException rejection(String json) {
        try {
            EventCodec.read(json);
        } catch (InvalidEventException e) {
            assertThat(e.violations()).isNotEmpty();
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    private static AbstractStringAssert<?> assertRejected(String json) {
        InvalidEventException e = rejection(json);
        if (!e.reason().startsWith("cannot bind ")) {
            // Everything short of binding is found by validate() alone, with the same reason.
            assertThatThrownBy(() -> EventCodec.validate(json)).isInstanceOf(InvalidEventException.class)
                    .extracting(t -> ((InvalidEventException) t).reason()).isEqualTo(e.reason());
        }
        return assertThat(e.reason());
    }
}
