package cn.zz.pipeline.e2e;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.testsupport.KafkaTestClient;
import cn.zz.pipeline.testsupport.Tokens;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The whole system as a user runs it: stack.sh starts PostgreSQL, Kafka, Keycloak and the three packaged services;
 * real tokens; and an event stream that survives a crashed relay and a Kafka outage, arriving exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackE2ETest {

    private Stack stack;

    @BeforeAll
    void up() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = Stack.shared();
    }

    private String project() {
        return "http://localhost:" + stack.projectPort;
    }

    private static final String NEW_PROJECT = """
            {"name":"奥克斯智能空调基地","ownerName":"河南奥克斯智能电气有限公司","ownerCreditCode":"91410100MA44R8XK0H",
             "district":"410106","park":"先进制造业开发区","chain":"智能家电","industry":"C3851",
             "constructionType":"NEW","projectType":"01","totalInvestment":65000,"landArea":200,
             "annualOutput":120000,"annualTax":8000,"takesNewLand":true,"eiaCategory":"REPORT_FORM",
             "privateInvestment":true,"plannedStart":"2025-03-01","plannedProduction":"2026-12-31"}""";

    private Response register(String user) {
        return given().header("Authorization", stack.bearer(user)).contentType("application/json").body(NEW_PROJECT)
                .post(project() + "/api/projects");
    }

    @Test
    @Order(1)
    void aKeycloakTokenIsAcceptedAndRolesAreEnforced() {
        Response created = register("staff.shangjie");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.header("Location")).contains("/api/projects/");

        given().contentType("application/json").body(NEW_PROJECT).post(project() + "/api/projects")
                .then().statusCode(401).contentType("application/problem+json");
        register("leader.shangjie").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", stack.bearer("leader.shangjie")).get(project() + "/api/projects")
                .then().statusCode(200);
        given().get("http://localhost:" + stack.reportingPort + "/api/reports/pipeline")
                .then().statusCode(401);
        given().header("Authorization", stack.bearer("approver.ndrc"))
                .get("http://localhost:" + stack.reportingPort + "/api/reports/pipeline").then().statusCode(403);
    }

    @Test
    @Order(2)
    void eventsReachEveryConsumerExactlyOnceThroughACrashedRelayAndAKafkaOutage() throws Exception {
        String id = register("staff.shangjie").then().statusCode(201).extract().path("id");
        int version = 1;

        // Five changes, then the service (and with it the relay) dies at once: some rows may not be published yet.
        for (int i = 1; i <= 5; i++) {
            version = rename(id, version, "奥克斯智能空调基地 第" + i + "次修改");
        }
        stack.run(60, "kill", "project-service");
        stack.run(300, "start", "project-service");

        // Kafka goes away; the service keeps accepting changes into its outbox.
        stack.run(120, "stop", "kafka");
        for (int i = 6; i <= 9; i++) {
            version = rename(id, version, "奥克斯智能空调基地 第" + i + "次修改");
        }
        assertThat(unpublished(id)).as("changes wait in the outbox while Kafka is down").isPositive();
        Thread.sleep(3_000);
        stack.run(180, "start", "kafka");
        final int expected = version;
        assertThat(expected).isEqualTo(10);

        for (int port : List.of(stack.approvalPort, stack.reportingPort)) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    given().header("Authorization", stack.bearer("admin")).queryParam("subject", id)
                            .get("http://localhost:" + port + "/api/admin/event-streams")
                            .then().statusCode(200)
                            .body("size()", equalTo(1))
                            .body("[0].applied", equalTo(expected))
                            .body("[0].lastSequence", equalTo(expected))
                            .body("[0].gaps", equalTo(0))
                            .body("[0].outOfOrder", equalTo(0)));
        }
        assertThat(unpublished(id)).isZero();

        // The topic holds every sequence 1..10 of the project (a retried batch may have added duplicates).
        TreeSet<Long> sequences = new TreeSet<>();
        for (var r : new KafkaTestClient(stack.kafkaBootstrap()).readAll(Topics.PROJECT_EVENTS, r -> id.equals(r.key()))) {
            sequences.add(EventCodec.read(r.value()).sequence());
        }
        assertThat(sequences).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);

        // The read models agree with the source: the latest name reached approval-service's project facts.
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("approval"), "pipeline", "pipeline");
             var st = c.prepareStatement("select name, last_sequence from project_fact where project_id = ?::uuid")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("奥克斯智能空调基地 第9次修改");
                assertThat(rs.getLong(2)).isEqualTo(10);
            }
        }
    }

    @Test
    @Order(3)
    void tokensFetchedThroughLocalhostAndThroughTheLoopbackAddressBothWork() {
        // Keycloak runs with a fixed host name: the issuer is the same whichever address the client used.
        String viaIp = "http://127.0.0.1:" + stack.keycloakPort + "/realms/pipeline";
        for (String realm : List.of(stack.realmUrl(), viaIp)) {
            String token = Tokens.of(realm, "leader.city");
            String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            assertThat(new JsonPath(payload).getString("iss")).as("issuer via %s", realm).isEqualTo(stack.realmUrl());
            for (int port : List.of(stack.projectPort, stack.approvalPort, stack.reportingPort)) {
                String path = port == stack.projectPort ? "/api/projects"
                        : port == stack.approvalPort ? "/api/approval-cases" : "/api/reports/pipeline";
                given().header("Authorization", "Bearer " + token).get("http://127.0.0.1:" + port + path)
                        .then().statusCode(200);
            }
        }
    }

    /** PATCH the name with If-Match; returns the new version. */
    private int rename(String id, int version, String name) {
        return given().header("Authorization", stack.bearer("staff.shangjie"))
                .header("If-Match", "\"" + version + "\"")
                .contentType("application/merge-patch+json; charset=UTF-8")
                .body(Map.of("name", name))
                .patch(project() + "/api/projects/" + id)
                .then().statusCode(200).extract().path("version");
    }

    private long unpublished(String id) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("project"), "pipeline", "pipeline");
             var st = c.prepareStatement("select count(*) from outbox_event where message_key = ? and published_at is null")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
