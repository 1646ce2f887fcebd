package cn.zz.pipeline.platform;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.ProjectAssigned;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.platform.outbox.EventRecords;
import cn.zz.pipeline.platform.outbox.OutboxRow;
import cn.zz.pipeline.testsupport.CloudEventsSdk;
import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KafkaTestClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class ConsumerTest {

    @Inject
    EntityManager em;

    private final KafkaTestClient kafka = new KafkaTestClient(KafkaResource.bootstrapServers());

    private EventEnvelope updated(UUID project, long sequence, String name) {
        return EventEnvelope.create("/test", project.toString(), sequence, Instant.now(),
                new ProjectUpdated(TestFixtures.snapshot(project, name), List.of("name"), "tester"));
    }

    private void send(EventEnvelope e) {
        kafka.send(Topics.PROJECT_EVENTS, e.subject(), EventCodec.write(e));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        UUID project = UUID.randomUUID();
        EventEnvelope e = updated(project, 1, "first");
        send(e);
        send(e);
        send(updated(project, 2, "second"));
        await().atMost(Duration.ofSeconds(20)).until(() -> effects(project) == 2);
        // Give a third copy time to be (wrongly) applied before asserting it was not.
        send(e);
        EventEnvelope marker = updated(project, 3, "third");
        send(marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> effects(project) == 3);
        assertThat(effectsOf(e.id())).isEqualTo(1);
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndTheConsumerGoesOn() {
        UUID project = UUID.randomUUID();
        kafka.send(Topics.PROJECT_EVENTS, project.toString(), "this is not json");
        kafka.send(Topics.PROJECT_EVENTS, project.toString(),
                "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/x\",\"type\":\"pipeline.project.updated.v1\","
                        + "\"subject\":\"" + project + "\",\"time\":\"2025-06-30T08:00:00Z\",\"datacontenttype\":\"application/json\","
                        + "\"sequence\":1,\"data\":{\"project\":{}}}");
        kafka.send(Topics.PROJECT_EVENTS, project.toString(),
                "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"pipeline.project.unknown.v9\"}");
        EventEnvelope poison = updated(project, 1, "poison");
        send(poison);
        EventEnvelope good = updated(project, 2, "good");
        send(good);

        await().atMost(Duration.ofSeconds(20)).until(() -> effectsOf(good.id()) == 1);
        assertThat(effectsOf(poison.id())).as("the poison event's effect was rolled back").isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters(project).size() == 4);
        List<ConsumerRecord<String, String>> dlq = deadLetters(project);
        assertThat(dlq).allSatisfy(r -> {
            assertThat(KafkaTestClient.header(r, "dlq-reason")).isNotBlank();
            assertThat(KafkaTestClient.header(r, "dlq-original-topic")).isEqualTo(Topics.PROJECT_EVENTS);
            assertThat(KafkaTestClient.header(r, "dlq-consumer")).isEqualTo("platform-test.test-effects");
        });
        assertThat(KafkaTestClient.header(dlq.get(0), "dlq-reason")).startsWith("invalid event");
        assertThat(KafkaTestClient.header(dlq.get(2), "dlq-reason")).contains("pipeline.project.unknown.v9");
        assertThat(KafkaTestClient.header(dlq.get(3), "dlq-reason")).contains("poison");
        assertThat(dlq.get(0).value()).isEqualTo("this is not json");
    }

    @Test
    void aFailingHandlerIsRetriedThenDeadLettered() {
        UUID project = UUID.randomUUID();
        EventEnvelope recovers = updated(project, 1, "flaky-2");
        EventEnvelope neverRecovers = updated(project, 2, "flaky-9");
        EventEnvelope after = updated(project, 3, "after");
        send(recovers);
        send(neverRecovers);
        send(after);
        await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(after.id()) == 1);
        assertThat(effectsOf(recovers.id())).isEqualTo(1);
        assertThat(effectsOf(neverRecovers.id())).isZero();
        assertThat(TestHandler.FAILURES.get(recovers.id().toString()).get()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters(project).size() == 1);
        assertThat(KafkaTestClient.header(deadLetters(project).get(0), "dlq-reason")).contains("failed 3 times");
    }

    @Test
    void aBatchWithAPoisonEventIsAppliedInPartsAndOnlyThePoisonIsDeadLettered() {
        UUID project = UUID.randomUUID();
        List<EventEnvelope> sent = new java.util.ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            sent.add(updated(project, i, i == 157 ? "batch-poison" : "batch-" + i));
        }
        // Sent together, so the batch consumer gets them in polls of up to 500, the poison among others.
        kafka.sendAll(Topics.PROJECT_EVENTS, sent.stream()
                .map(e -> Map.entry(e.subject(), EventCodec.write(e))).toList());
        await().atMost(Duration.ofSeconds(30)).until(() -> batchEffects(project).size() == 299);
        List<Long> applied = batchEffects(project);
        assertThat(applied).as("every event but the poison, once each, in order")
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 300).filter(i -> i != 157).boxed().toList());
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters(project, "platform-test.test-batch").size() == 1);
        ConsumerRecord<String, String> dlq = deadLetters(project, "platform-test.test-batch").get(0);
        assertThat(KafkaTestClient.header(dlq, "dlq-reason")).contains("batch-poison");
        assertThat(dlq.value()).contains(sent.get(156).id().toString());
    }

    @Test
    void aTypeTheBatchHandlerPassesOverMovesItsStreamButIsNeverHandedOver() {
        UUID project = UUID.randomUUID();
        List<EventEnvelope> sent = List.of(updated(project, 1, "kept-1"),
                EventEnvelope.create("/test", project.toString(), 2, Instant.now(),
                        new ProjectAssigned(project, "张副区长", List.of("发改委"), "tester")),
                updated(project, 3, "kept-3"));
        sent.forEach(this::send);
        await().atMost(Duration.ofSeconds(20)).until(() -> batchEffects(project).size() == 2);
        assertThat(batchEffects(project)).containsExactly(1L, 3L);
        // The position accounts for all three: applied 3, no gap where the assignment was passed over.
        Object[] stream = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select last_sequence, applied, gaps from consumed_stream where consumer = 'test-batch'"
                                + " and subject = ?1").setParameter(1, project.toString()).getSingleResult());
        assertThat(((Number) stream[0]).longValue()).isEqualTo(3);
        assertThat(((Number) stream[1]).longValue()).isEqualTo(3);
        assertThat(((Number) stream[2]).longValue()).isZero();
    }

    @Test
    void anEnvelopeOneEventIsStillApplied() throws Exception {
        // Published before issue 16 (still in the topic, or a dead letter replayed): integer sequence, no dataschema.
        UUID project = UUID.randomUUID();
        EventEnvelope old = updated(project, 1, "envelope-1");
        ObjectNode tree = (ObjectNode) EventCodec.mapper().readTree(EventCodec.write(old));
        tree.remove("dataschema");
        tree.put("sequence", 1);
        kafka.send(Topics.PROJECT_EVENTS, old.subject(), EventCodec.mapper().writeValueAsString(tree));
        EventEnvelope current = updated(project, 2, "envelope-2");
        send(current);

        await().atMost(Duration.ofSeconds(20)).until(() -> effects(project) == 2);
        assertThat(effectsOf(old.id())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> batchEffects(project).size() == 2);
        assertThat(batchEffects(project)).containsExactly(1L, 2L);
        Object[] stream = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select last_sequence, gaps, out_of_order from consumed_stream where consumer = 'test-effects'"
                                + " and subject = ?1").setParameter(1, project.toString()).getSingleResult());
        assertThat(((Number) stream[0]).longValue()).isEqualTo(2);
        assertThat(((Number) stream[1]).longValue()).isZero();
        assertThat(((Number) stream[2]).longValue()).isZero();
        assertThat(deadLetters(project)).isEmpty();
    }

    @Test
    void aDeadLetterKeepsTheRecordsHeadersSoTheSdkStillReadsIt() {
        UUID project = UUID.randomUUID();
        EventEnvelope poison = updated(project, 1, "poison");
        OutboxRow row = OutboxRow.of(poison);
        kafka.send(EventRecords.of(row.topic(), row.key(), row.payload()));

        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters(project).size() == 1);
        ConsumerRecord<String, byte[]> dead = kafka.readAllBytes(Topics.dlq(Topics.PROJECT_EVENTS),
                r -> project.toString().equals(r.key())
                        && "platform-test.test-effects".equals(KafkaTestClient.header(r, "dlq-consumer"))).get(0);
        assertThat(KafkaTestClient.header(dead, "content-type")).isEqualTo(EventRecords.CONTENT_TYPE);
        CloudEvent ce = CloudEventsSdk.read(dead);
        assertThat(CloudEventsSdk.assertEveryAttribute(ce)).isEqualTo(poison);
    }

    private List<ConsumerRecord<String, String>> deadLetters(UUID project) {
        return deadLetters(project, "platform-test.test-effects");
    }

    private List<ConsumerRecord<String, String>> deadLetters(UUID project, String consumer) {
        return kafka.readAll(Topics.dlq(Topics.PROJECT_EVENTS), r -> project.toString().equals(r.key())
                && consumer.equals(KafkaTestClient.header(r, "dlq-consumer")));
    }

    @SuppressWarnings("unchecked")
    private List<Long> batchEffects(UUID project) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em
                .createNativeQuery("select sequence from test_batch_effect where subject = ?1 order by id")
                .setParameter(1, project.toString()).getResultList()).stream().map(Number::longValue).toList());
    }

    private long effects(UUID project) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from test_effect where subject = ?1")
                .setParameter(1, project.toString()).getSingleResult()).longValue());
    }

    private long effectsOf(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from test_effect where event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }
}
