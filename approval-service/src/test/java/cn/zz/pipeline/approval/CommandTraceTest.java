package cn.zz.pipeline.approval;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.platform.tracing.EventTracing;
import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KafkaTestClient;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A command's trace reaches this service and goes on: a project event with a traceparent header (as project-service's
 * relay sends it) is applied in a consumer span of that trace, and the approval events it causes carry the trace on.
 */
@QuarkusTest
class CommandTraceTest {

    @Inject
    TestSpans spans;

    @Inject
    EntityManager em;

    private final KafkaTestClient kafka = new KafkaTestClient(KafkaResource.bootstrapServers());

    @Test
    void aDeclarationsTraceGoesOnIntoTheApprovalEvents() {
        String traceId = randomHex(16);
        String producerSpan = randomHex(8);
        UUID project = UUID.randomUUID();
        declare(project, "00-" + traceId + "-" + producerSpan + "-01");

        await().atMost(Duration.ofSeconds(30)).until(() -> !traceparents(project).isEmpty());
        SpanData consumer = spans.ofTrace(traceId).stream().filter(s -> s.getKind() == SpanKind.CONSUMER)
                .findFirst().orElseThrow();
        assertThat(consumer.getParentSpanId()).isEqualTo(producerSpan);
        assertThat(consumer.getName()).isEqualTo("process " + Topics.PROJECT_EVENTS);
        // The case opened in the consumer's transaction: its events continue the trace from the consumer span.
        assertThat(traceparents(project)).allSatisfy(t ->
                assertThat(t).isEqualTo("00-" + traceId + "-" + consumer.getSpanId() + "-01"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !approvalHeaders(project).isEmpty());
        assertThat(approvalHeaders(project)).allSatisfy(h -> assertThat(h).startsWith("00-" + traceId + "-"));
    }

    @Test
    void aTraceTheSamplerDroppedGoesOnAllTheSame() {
        String traceId = randomHex(16);
        UUID project = UUID.randomUUID();
        declare(project, "00-" + traceId + "-" + randomHex(8) + "-00");

        await().atMost(Duration.ofSeconds(30)).until(() -> !traceparents(project).isEmpty());
        assertThat(traceparents(project)).allSatisfy(t ->
                assertThat(t).startsWith("00-" + traceId + "-").endsWith("-00"));
        assertThat(spans.ofTrace(traceId)).as("nothing recorded of a dropped trace").isEmpty();
    }

    private void declare(UUID project, String traceparent) {
        ProjectSnapshot p = Approvals.fourDepartments(project);
        EventEnvelope e = EventEnvelope.create("/project-service", project.toString(), 1, Instant.now(),
                new ProjectDeclared(p, LocalDate.of(2025, 9, 1), "申报", "staff.shangjie"));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PROJECT_EVENTS, e.subject(),
                EventCodec.write(e).getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader(EventTracing.HEADER, traceparent.getBytes(StandardCharsets.UTF_8)));
        kafka.send(record);
    }

    /** The traceparents of the outbox rows this service wrote about the project. */
    @SuppressWarnings("unchecked")
    private List<String> traceparents(UUID project) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select traceparent from outbox_event where message_key = ?1 order by id")
                .setParameter(1, project.toString()).getResultList());
    }

    private List<String> approvalHeaders(UUID project) {
        return kafka.readAll(Topics.APPROVAL_EVENTS, r -> project.toString().equals(r.key())).stream()
                .map(r -> KafkaTestClient.header(r, EventTracing.HEADER)).toList();
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(b);
    }
}
