package cn.zz.pipeline.platform;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KafkaTestClient;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class OutboxAndProblemsTest {

    @Inject
    EntityManager em;

    private final KafkaTestClient kafka = new KafkaTestClient(KafkaResource.bootstrapServers());

    @Test
    void committedEventsArePublishedInOrderAndAppliedOnce() throws Exception {
        UUID id = UUID.randomUUID();
        given().header("Authorization", Tokens.bearer("staff.shangjie")).contentType("application/json")
                .body("{\"name\":\"奥克斯智能空调基地\",\"amount\":65000}")
                .post("/test/business/" + id + "?events=20")
                .then().statusCode(201);

        await().atMost(Duration.ofSeconds(20)).until(() -> kafka.readAll(Topics.PROJECT_EVENTS,
                r -> id.toString().equals(r.key())).size() >= 20);
        List<ConsumerRecord<String, String>> records = kafka.readAll(Topics.PROJECT_EVENTS, r -> id.toString().equals(r.key()));
        assertThat(records).hasSize(20);
        for (int i = 0; i < records.size(); i++) {
            EventEnvelope e = EventCodec.read(records.get(i).value());
            assertThat(e.sequence()).isEqualTo(i + 1);
            assertThat(e.source()).isEqualTo("/platform-test");
            assertThat(e.subject()).isEqualTo(id.toString());
        }
        assertThat(KafkaTestClient.header(records.get(0), "content-type")).startsWith("application/cloudevents+json");
        assertThat(EventCodec.read(records.get(0).value()).type()).isEqualTo("pipeline.project.registered.v1");

        // The same application consumes its own topic: every event applied exactly once, in order, without gaps.
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from test_effect where subject = ?1", id) == 20);
        assertThat(count("select count(*) from outbox_event where message_key = ?1 and published_at is null", id)).isZero();
        Object[] stream = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select last_sequence, applied, gaps, out_of_order from consumed_stream"
                + " where consumer = 'test-effects' and subject = ?1").setParameter(1, id.toString()).getSingleResult());
        assertThat(((Number) stream[0]).longValue()).isEqualTo(20);
        assertThat(((Number) stream[1]).longValue()).isEqualTo(20);
        assertThat(((Number) stream[2]).longValue()).isZero();
        assertThat(((Number) stream[3]).longValue()).isZero();
    }

    @Test
    void aRolledBackTransactionLeavesNeitherRowNorEvent() {
        UUID id = UUID.randomUUID();
        given().header("Authorization", Tokens.bearer("staff.shangjie")).contentType("application/json")
                .body("{\"name\":\"rolled back\",\"amount\":600}")
                .post("/test/business/" + id + "?events=3&fail=true")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pipeline:problem:test-refused"))
                .body("violations[0].field", equalTo("name"));
        assertThat(count("select count(*) from test_business where id = ?1", id)).isZero();
        assertThat(count("select count(*) from outbox_event where message_key = ?1", id)).isZero();
    }

    @Test
    void securityAnswersProblemDocuments() {
        given().contentType("application/json").body("{\"name\":\"x\",\"amount\":600}")
                .post("/test/business/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
        given().header("Authorization", Tokens.bearer("leader.shangjie")).contentType("application/json")
                .body("{\"name\":\"x\",\"amount\":600}")
                .post("/test/business/" + UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer not-a-token").contentType("application/json")
                .body("{\"name\":\"x\",\"amount\":600}")
                .post("/test/business/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void validationNamesEveryFieldAndRule() {
        given().header("Authorization", Tokens.bearer("staff.shangjie")).contentType("application/json")
                .body("{\"name\":\"\",\"amount\":100,\"tags\":[\"ok\",\"\"]}")
                .post("/test/business/" + UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("name", "amount", "tags[1]"))
                .body("violations.find { it.field == 'amount' }.code", equalTo("DecimalMin"))
                .body("violations.find { it.field == 'amount' }.limit", equalTo("500"))
                .body("violations.find { it.field == 'amount' }.value", equalTo(100));
    }

    @Test
    void malformedBodiesAre400WithTheField() {
        String token = Tokens.bearer("staff.shangjie");
        given().header("Authorization", token).contentType("application/json").body("{\"name\":")
                .post("/test/business/" + UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].code", equalTo("malformed-json"));
        given().header("Authorization", token).contentType("application/json").body("{\"name\":\"a\",\"amount\":\"lots\"}")
                .post("/test/business/" + UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("amount"));
        given().header("Authorization", token).contentType("application/json")
                .body("{\"name\":\"a\",\"amount\":600,\"admin\":true}")
                .post("/test/business/" + UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("admin"))
                .body("violations[0].code", equalTo("unknown-field"));
        given().header("Authorization", token).contentType("application/json").body("{\"name\":\"a\",\"amount\":600}")
                .post("/test/business/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aDatabaseThatEndsTheConnectionIsA503WithRetryAfterNotA500() {
        given().header("Authorization", Tokens.bearer("staff.shangjie"))
                .post("/test/business/database-gone")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("type", equalTo("urn:pipeline:problem:dependency-unavailable"))
                .body("status", equalTo(503));
    }

    @Test
    void unexpectedErrorsNameNoClass() {
        given().header("Authorization", Tokens.bearer("staff.shangjie"))
                .post("/test/business/boom")
                .then().statusCode(500).contentType("application/problem+json")
                .body("detail", not(containsString("IllegalStateException")))
                .body("detail", not(containsString("com.example")))
                .body("detail", containsString("id "));
        given().header("Authorization", Tokens.bearer("staff.shangjie"))
                .get("/no/such/path")
                .then().statusCode(404).contentType("application/problem+json");
        // A very long query string still reaches the API (and its problem answers), not a bare HTTP-layer refusal.
        given().header("Authorization", Tokens.bearer("staff.shangjie")).queryParam("q", "x".repeat(10_000))
                .get("/no/such/path")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void healthAndOpenApiNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200);
    }

    private long count(String sql, UUID id) {
        // test_business keys are uuids, the platform tables keep the subject as text
        Object key = sql.contains("test_business") ? id : id.toString();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, key)
                .getSingleResult()).longValue());
    }
}
