package cn.zz.pipeline.platform;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.platform.outbox.Outbox;
import cn.zz.pipeline.platform.tracing.EventTracing;
import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KafkaTestClient;
import cn.zz.pipeline.testsupport.Tokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One command is one trace: request span → outbox row → Kafka header → consumer spans of both consumer kinds. */
@QuarkusTest
class EventTracingTest {

    @Inject
    EntityManager em;

    @Inject
    TestSpans spans;

    @Inject
    Outbox outbox;

    private final KafkaTestClient kafka = new KafkaTestClient(KafkaResource.bootstrapServers());

    @BeforeEach
    void reset() {
        spans.reset();
    }

    @Test
    void aCommandsTraceReachesEveryConsumerThroughTheOutboxAndKafka() {
        String traceId = randomHex(16);
        UUID id = UUID.randomUUID();
        given().header("Authorization", Tokens.bearer("staff.shangjie")).contentType("application/json")
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .body("{\"name\":\"traced\",\"amount\":600}")
                .post("/test/business/" + id + "?events=2")
                .then().statusCode(201);

        // The request's server span wrote the rows; each row keeps its context. The span ends as the response goes
        // out, so it may be recorded a moment after the client has the answer.
        SpanData server = await().atMost(Duration.ofSeconds(10)).until(() -> spans.ofTrace(traceId).stream()
                .filter(s -> s.getKind() == SpanKind.SERVER).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(storedTraceparents(id)).hasSize(2)
                .allSatisfy(t -> assertThat(t).isEqualTo("00-" + traceId + "-" + server.getSpanId() + "-01"));

        // The relay puts it in the Kafka header.
        await().atMost(Duration.ofSeconds(20)).until(() -> records(id).size() == 2);
        for (ConsumerRecord<String, String> r : records(id)) {
            assertThat(KafkaTestClient.header(r, EventTracing.HEADER))
                    .isEqualTo("00-" + traceId + "-" + server.getSpanId() + "-01");
        }

        // The record consumer and the batch consumer each apply both events in a child span of that context.
        await().atMost(Duration.ofSeconds(20)).until(() -> consumerSpans(traceId).size() == 4);
        List<SpanData> consumers = consumerSpans(traceId);
        assertThat(consumers).allSatisfy(s -> {
            assertThat(s.getParentSpanId()).isEqualTo(server.getSpanId());
            assertThat(s.getName()).isEqualTo("process " + Topics.PROJECT_EVENTS);
            assertThat(s.getAttributes().asMap().toString()).contains(id.toString());
        });
        assertThat(consumers).extracting(s -> s.getAttributes().asMap().entrySet().stream()
                        .filter(e -> e.getKey().getKey().equals("messaging.consumer.group.name"))
                        .map(e -> e.getValue().toString()).findFirst().orElseThrow())
                .containsOnly("platform-test.test-effects", "platform-test.test-batch");
    }

    @Test
    void aTraceTheSamplerDroppedStillPropagates() {
        String traceId = randomHex(16);
        String parent = randomHex(8);
        UUID id = UUID.randomUUID();
        given().header("Authorization", Tokens.bearer("staff.shangjie")).contentType("application/json")
                .header("traceparent", "00-" + traceId + "-" + parent + "-00")
                .body("{\"name\":\"not sampled\",\"amount\":600}")
                .post("/test/business/" + id + "?events=1")
                .then().statusCode(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> records(id).size() == 1);
        String header = KafkaTestClient.header(records(id).get(0), EventTracing.HEADER);
        assertThat(header).startsWith("00-" + traceId + "-").endsWith("-00");
        assertThat(header).isEqualTo(storedTraceparents(id).get(0));
        assertThat(spans.ofTrace(traceId)).as("nothing recorded of a dropped trace").isEmpty();
    }

    @Test
    void aRowWrittenOutsideAnySpanHasNoHeader() {
        UUID id = UUID.randomUUID();
        EventEnvelope e = EventEnvelope.create("/platform-test", id.toString(), 1, Instant.now(),
                new ProjectUpdated(TestFixtures.snapshot(id, "no span"), List.of("name"), "scan"));
        QuarkusTransaction.requiringNew().run(() -> outbox.write(e));
        await().atMost(Duration.ofSeconds(20)).until(() -> records(id).size() == 1);
        assertThat(storedTraceparents(id)).containsExactly((String) null);
        assertThat(KafkaTestClient.header(records(id).get(0), EventTracing.HEADER)).isNull();
        // The consumers still trace it, each in a trace of its own.
        await().atMost(Duration.ofSeconds(20)).until(() -> spans.all().stream()
                .filter(s -> s.getKind() == SpanKind.CONSUMER && s.getAttributes().asMap().toString().contains(id.toString()))
                .count() == 2);
    }

    private List<SpanData> consumerSpans(String traceId) {
        return spans.ofTrace(traceId).stream().filter(s -> s.getKind() == SpanKind.CONSUMER).toList();
    }

    private List<ConsumerRecord<String, String>> records(UUID id) {
        return kafka.readAll(Topics.PROJECT_EVENTS, r -> id.toString().equals(r.key()));
    }

    @SuppressWarnings("unchecked")
    private List<String> storedTraceparents(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select traceparent from outbox_event where message_key = ?1 order by id")
                .setParameter(1, id.toString()).getResultList());
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(b);
    }
}
