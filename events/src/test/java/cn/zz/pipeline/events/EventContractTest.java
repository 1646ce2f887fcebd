package cn.zz.pipeline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every type of the contract: it has a schema, a payload class of its own, and survives a round trip. */
class EventContractTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleIsValidAndRoundTrips(EventType type) throws Exception {
        EventEnvelope event = SampleEvents.envelope(type);

        String json = EventCodec.write(event);

        assertThatCode(() -> EventCodec.validate(json)).doesNotThrowAnyException();
        assertThat(EventCodec.read(json)).isEqualTo(event);
        assertThat(EventCodec.read(EventCodec.writeBytes(event))).isEqualTo(event);
        assertThat(EventCodec.read(json).eventType()).isEqualTo(type);
        // The written form is stable: writing what was read gives the same bytes.
        assertThat(EventCodec.write(EventCodec.read(json))).isEqualTo(json);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaFileExistsAndNamesItsType(EventType type) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            JsonNode schema = EventCodec.mapper().readTree(in);
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asText()).isEqualTo(EventCodec.SCHEMA_BASE_IRI + type.type() + ".json")
                    .isEqualTo(type.dataschema().toString());
            assertThat(schema.at("/properties/type/const").asText()).isEqualTo(type.type());
            assertThat(schema.at("/properties/data/required").isArray()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeMappingsAreOneToOne(EventType type) {
        assertThat(EventType.fromType(type.type())).contains(type);
        assertThat(EventType.of(type.payloadClass())).isEqualTo(type);
        assertThat(type.type()).matches("pipeline\\.(project|approval)\\.[a-z-]+\\.v1");
        String expectedTopic = type.type().startsWith("pipeline.project.") ? Topics.PROJECT_EVENTS
                : Topics.APPROVAL_EVENTS;
        assertThat(type.topic()).isEqualTo(expectedTopic);
        String expectedPackage = type.topic().equals(Topics.PROJECT_EVENTS) ? "cn.zz.pipeline.events.project"
                : "cn.zz.pipeline.events.approval";
        assertThat(type.payloadClass().getPackageName()).isEqualTo(expectedPackage);
        assertThat(type.payloadClass().isRecord()).isTrue();
    }

    @Test
    void everyTypeOfTheDesignIsPresent() {
        Set<String> types = Arrays.stream(EventType.values()).map(EventType::type).collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrder(
                "pipeline.project.registered.v1", "pipeline.project.updated.v1", "pipeline.project.declared.v1",
                "pipeline.project.admitted.v1", "pipeline.project.started.v1", "pipeline.project.in-production.v1",
                "pipeline.project.withdrawn.v1", "pipeline.project.returned-to-reserve.v1",
                "pipeline.project.investment-reported.v1", "pipeline.project.problem-logged.v1",
                "pipeline.project.problem-resolved.v1", "pipeline.project.assigned.v1",
                "pipeline.project.plan-set.v1", "pipeline.project.investment-overdue.v1",
                "pipeline.project.campaign-entry-set.v1", "pipeline.project.campaign-entry-removed.v1",
                "pipeline.project.milestones-set.v1",
                "pipeline.project.milestone-at-risk.v1",
                "pipeline.project.milestone-late.v1",
                "pipeline.project.material-added.v1",
                "pipeline.project.material-removed.v1",
                "pipeline.approval.case-opened.v1", "pipeline.approval.task-decided.v1",
                "pipeline.approval.task-returned.v1", "pipeline.approval.task-resubmitted.v1",
                "pipeline.approval.task-overdue.v1", "pipeline.approval.case-approved.v1",
                "pipeline.approval.case-rejected.v1");
    }

    @Test
    void noSchemaFileWithoutAType() throws Exception {
        URL dir = getClass().getClassLoader().getResource("schemas");
        assertThat(dir).isNotNull();
        Set<String> files = Arrays.stream(new File(dir.toURI()).list()).collect(Collectors.toSet());
        Set<String> expected = Arrays.stream(EventType.values()).map(t -> t.type() + ".json")
                .collect(Collectors.toSet());
        expected.add("common.json");
        assertThat(files).isEqualTo(expected);
    }

    @Test
    void unknownLookupsFail() {
        assertThat(EventType.fromType("pipeline.x.v1")).isEmpty();
        assertThat(EventType.fromType(null)).isEmpty();
        assertThatThrownBy(() -> EventType.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void topics() {
        assertThat(Topics.dlq(Topics.PROJECT_EVENTS)).isEqualTo("pipeline.project.events.dlq");
        assertThat(Topics.dlq(Topics.APPROVAL_EVENTS)).isEqualTo("pipeline.approval.events.dlq");
    }

    @Test
    void labels() {
        assertThat(Stage.IN_PRODUCTION.label()).isEqualTo("投产");
        assertThat(ConstructionType.RENOVATION.label()).isEqualTo("改建技改");
        assertThat(EiaCategory.REPORT_FORM.label()).isEqualTo("报告表");
        assertThat(Sector.TERTIARY.label()).isEqualTo("第三产业");
        assertThat(Decision.RETURN.label()).isEqualTo("退回补正");
    }
}
