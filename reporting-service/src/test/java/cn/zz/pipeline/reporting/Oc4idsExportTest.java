package cn.zz.pipeline.reporting;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The OC4IDS export of projects in every stage of the test's district (410182 荥阳市), fed through Kafka, checked
 * against the OC4IDS 0.9.3 package schema in src/test/resources/oc4ids (its reference to the project schema is
 * mapped there too: nothing is fetched).
 */
@QuarkusTest
class Oc4idsExportTest {

    static final String XINGYANG = TestDistricts.of(Oc4idsExportTest.class);
    static final String SCHEMA_BASE = "https://standard.open-contracting.org/infrastructure/schema/0__9__3/";
    static final ObjectMapper JSON = new ObjectMapper();

    static final JsonSchema PACKAGE_SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                    builder -> builder
                            .schemaMappers(m -> m.mapPrefix(SCHEMA_BASE, "classpath:oc4ids/"))
                            .schemaLoaders(l -> l.add(new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))))
            .getSchema(SchemaLocation.of(SCHEMA_BASE + "project-package-schema.json"),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).typeLoose(false).build());

    static final Map<String, Feed.Project> PROJECTS = new HashMap<>();

    /** One project per stage; the started one has reported figures of 2025. */
    static synchronized void feed() {
        if (!PROJECTS.isEmpty()) {
            return;
        }
        PROJECTS.put("RESERVE", project("000101", "荥阳市智慧物流园", "G5951", ConstructionType.NEW, "3000")
                .registered(LocalDate.of(2025, 1, 10)));
        PROJECTS.put("DECLARED", project("000102", "郑州轻研合金技改项目", "C3216", ConstructionType.RENOVATION, "8000")
                .registered(LocalDate.of(2025, 1, 10)).declared(LocalDate.of(2025, 2, 1)));
        PROJECTS.put("ADMITTED", project("000103", "豫中铝镁扩建项目", "C3216", ConstructionType.EXPANSION, "15000")
                .registered(LocalDate.of(2025, 1, 10)).declared(LocalDate.of(2025, 2, 1))
                .admitted(LocalDate.of(2025, 2, 20)));
        PROJECTS.put("STARTED", project("000104", "郑州沃德超硬材料", "C3099", ConstructionType.NEW, "20000.5")
                .registered(LocalDate.of(2024, 11, 1)).declared(LocalDate.of(2024, 12, 1))
                .admitted(LocalDate.of(2025, 1, 5)).started(LocalDate.of(2025, 3, 1))
                .report(2025, 2, "1200.5").report(2025, 6, "5000"));
        PROJECTS.put("IN_PRODUCTION", project("000105", "荥阳市污水处理厂提标", "N7721", ConstructionType.NEW, "6000")
                .registered(LocalDate.of(2024, 2, 1)).declared(LocalDate.of(2024, 3, 1))
                .admitted(LocalDate.of(2024, 4, 1)).started(LocalDate.of(2024, 5, 1))
                .inProduction(LocalDate.of(2025, 5, 18)));
        PROJECTS.put("WITHDRAWN", project("000106", "格泰制冷设备购置", "C3464", ConstructionType.PURCHASE, "900")
                .registered(LocalDate.of(2025, 1, 10)).withdrawn(LocalDate.of(2025, 4, 1), "建设单位放弃投资"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode pkg = export(Map.of());
            assertThat(pkg.get("projects")).hasSize(6);
            JsonNode started = project(pkg, code("STARTED"));
            assertThat(started.get("status").asText()).isEqualTo("implementation");
            assertThat(started.path("metrics").path(0).path("observations")).hasSize(2);
            assertThat(project(pkg, code("IN_PRODUCTION")).get("status").asText()).isEqualTo("completion");
            assertThat(project(pkg, code("WITHDRAWN")).get("status").asText()).isEqualTo("cancelled");
        });
    }

    private static Feed.Project project(String serial, String name, String industry, ConstructionType type,
                                        String total) {
        return new Feed.Project("2025-" + XINGYANG + "-01-01-" + serial, name, XINGYANG, "荥阳市产业集聚区", industry,
                type, total, LocalDate.of(2025, 3, 1), LocalDate.of(2026, 6, 30));
    }

    static String code(String stage) {
        return PROJECTS.get(stage).snapshot.code();
    }

    static JsonNode export(Map<String, String> params) throws IOException {
        Response r = given().header("Authorization", Tokens.bearer("admin")).queryParam("district", XINGYANG)
                .queryParams(params).get("/api/exports/oc4ids");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        return JSON.readTree(r.asByteArray());
    }

    static JsonNode project(JsonNode pkg, String code) {
        for (JsonNode p : pkg.get("projects")) {
            if (p.path("identifiers").path(0).path("id").asText().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("no project " + code + " in " + pkg);
    }

    @Test
    void theExportIsAValidOc4idsPackageOfEveryProject() throws IOException {
        feed();
        JsonNode pkg = export(Map.of());
        Set<ValidationMessage> messages = PACKAGE_SCHEMA.validate(pkg);
        assertThat(messages).as(pkg.toPrettyString()).isEmpty();
        // the validation is real: the project schema behind the package's $ref is enforced too
        JsonNode broken = pkg.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("projects").get(0)).put("status", "built");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("projects").get(0).get("budget").get("amount"))
                .put("currency", "RMB");
        assertThat(PACKAGE_SCHEMA.validate(broken)).extracting(ValidationMessage::getInstanceLocation)
                .extracting(Object::toString).containsExactlyInAnyOrder("/projects/0/status",
                        "/projects/0/budget/amount/currency");
        assertThat(pkg.get("version").asText()).isEqualTo("0.9");
        assertThat(pkg.get("uri").asText()).contains("/api/exports/oc4ids");
        assertThat(pkg.path("publisher").path("name").asText()).isEqualTo("郑州市发展和改革委员会");
        assertThat(pkg.get("publishedDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");

        Map<String, String> statuses = new HashMap<>();
        PROJECTS.forEach((stage, p) -> statuses.put(stage, project(pkg, p.snapshot.code()).get("status").asText()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of("RESERVE", "identification",
                "DECLARED", "preparation", "ADMITTED", "preparation", "STARTED", "implementation",
                "IN_PRODUCTION", "completion", "WITHDRAWN", "cancelled"));

        Map<String, String> types = new HashMap<>();
        PROJECTS.forEach((stage, p) -> types.put(stage, project(pkg, p.snapshot.code()).path("type").asText(null)));
        assertThat(types).containsEntry("DECLARED", "rehabilitation").containsEntry("ADMITTED", "expansion")
                .containsEntry("STARTED", "construction").containsEntry("WITHDRAWN", null);
    }

    @Test
    void aProjectCarriesItsCodeBudgetPartiesAndFinancialProgressInCny() throws IOException {
        feed();
        String started = code("STARTED");
        JsonNode p = project(export(Map.of()), started);
        assertThat(p.get("id").asText()).isEqualTo("oc4ids-zzfgw-" + started);
        assertThat(p.get("identifiers")).hasSize(1);
        assertThat(p.path("identifiers").path(0).path("scheme").asText()).isEqualTo("CN-PROJECT-CODE");
        assertThat(p.get("title").asText()).isEqualTo("郑州沃德超硬材料");
        // 20000.5 万元
        assertThat(p.path("budget").path("amount").path("amount").decimalValue()).isEqualByComparingTo("200005000");
        assertThat(p.path("budget").path("amount").path("currency").asText()).isEqualTo("CNY");
        assertThat(p.path("period").path("startDate").asText()).isEqualTo("2025-03-01T00:00:00+08:00");
        assertThat(p.path("period").path("endDate").asText()).isEqualTo("2026-06-30T00:00:00+08:00");
        assertThat(p.path("additionalClassifications").path(0).path("id").asText()).isEqualTo("C3099");
        assertThat(p.path("locations").path(0).path("address").path("locality").asText()).isEqualTo("荥阳市");

        List<String> roles = new ArrayList<>();
        p.get("parties").forEach(party -> roles.add(party.path("name").asText() + ":" + party.path("roles")));
        assertThat(roles).containsExactlyInAnyOrder("荥阳市人民政府:[\"publicAuthority\"]",
                "郑州测试建设有限公司:[\"funder\"]");
        assertThat(p.path("publicAuthority").path("id").asText()).isEqualTo("district-" + XINGYANG);

        JsonNode metric = p.path("metrics").path(0);
        assertThat(metric.get("id").asText()).isEqualTo("financialProgress");
        JsonNode observations = metric.get("observations");
        assertThat(observations).hasSize(2);
        assertThat(observations.path(0).path("id").asText()).isEqualTo("2025-02");
        assertThat(observations.path(0).path("period").path("startDate").asText()).isEqualTo("2025-01-01T00:00:00+08:00");
        assertThat(observations.path(0).path("period").path("endDate").asText()).isEqualTo("2025-02-28T23:59:59+08:00");
        assertThat(observations.path(0).path("value").path("amount").decimalValue()).isEqualByComparingTo("12005000");
        assertThat(observations.path(1).path("value").path("amount").decimalValue()).isEqualByComparingTo("50000000");
        assertThat(observations.path(1).path("value").path("currency").asText()).isEqualTo("CNY");

        JsonNode produced = project(export(Map.of()), code("IN_PRODUCTION"));
        assertThat(produced.path("completion").path("endDate").asText()).isEqualTo("2025-05-18T00:00:00+08:00");
        assertThat(produced.path("sector").path(0).asText()).isEqualTo("waterAndWaste");
        assertThat(produced.has("metrics")).as("no figures, no metrics").isFalse();
        assertThat(project(export(Map.of()), code("RESERVE")).path("sector").path(0).asText())
                .isEqualTo("transport");
    }

    @Test
    void oneStageCanBeExportedAndTheDistrictScopeHolds() throws IOException {
        feed();
        JsonNode started = export(Map.of("stage", "started"));
        assertThat(started.get("projects")).hasSize(1);
        assertThat(PACKAGE_SCHEMA.validate(started)).isEmpty();

        given().header("Authorization", Tokens.bearer("leader.shangjie")).queryParam("district", XINGYANG)
                .get("/api/exports/oc4ids").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("leader.city")).queryParam("district", XINGYANG)
                .get("/api/exports/oc4ids").then().statusCode(200);
        given().get("/api/exports/oc4ids").then().statusCode(401);
        given().header("Authorization", Tokens.bearer("admin")).queryParam("stage", "BUILT")
                .get("/api/exports/oc4ids").then().statusCode(400).body("violations[0].field", equalTo("stage"));
        given().header("Authorization", Tokens.bearer("admin")).queryParam("district", "4101x")
                .get("/api/exports/oc4ids").then().statusCode(400).body("violations[0].field", equalTo("district"));
    }
}
