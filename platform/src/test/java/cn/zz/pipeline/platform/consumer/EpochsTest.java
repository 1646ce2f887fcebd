package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.platform.kafka.KafkaClients;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A replay asked of one instance rebuilds from every partition, whichever instance holds it. */
@QuarkusTest
class EpochsTest {

    private static final String GROUP = "platform-test.epoch-test";

    @Inject
    Instances instances;

    @Inject
    Epochs epochs;

    @Inject
    KafkaClients kafka;

    @Inject
    EntityManager em;

    @AfterEach
    void stopInstances() throws InterruptedException {
        instances.stopAll();
    }

    /** A batch projection of its own (not a bean: only the instances started here run it). */
    private BatchEventHandler handler() {
        return new BatchEventHandler() {
            @Override
            public String name() {
                return "epoch-test";
            }

            @Override
            public Set<String> topics() {
                return Set.of(Topics.PROJECT_EVENTS);
            }

            @Override
            public int maxBatch() {
                return 200;
            }

            @Override
            public void handleBatch(List<EventEnvelope> events) {
                for (EventEnvelope e : events) {
                    em.createNativeQuery("insert into test_epoch_effect (event_id, subject, sequence)"
                                    + " values (?1, ?2, ?3)")
                            .setParameter(1, e.id()).setParameter(2, e.subject()).setParameter(3, e.sequence())
                            .executeUpdate();
                }
            }
        };
    }

    @Test
    void aReplayOnOneInstanceRewindsThePartitionsOfTheOthers() throws Exception {
        BatchEventHandler handler = handler();
        ConsumerWorker one = instances.start(handler);
        ConsumerWorker two = instances.start(handler);
        List<UUID> projects = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            projects.add(UUID.randomUUID());
        }
        send(projects, 1, 20);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(projects) == 24 * 20);
        await().atMost(Duration.ofSeconds(30)).until(() -> membersWithPartitions() == 2);

        ReplayStatus asked = one.replay.request(() -> em.createNativeQuery("delete from test_epoch_effect")
                .executeUpdate());
        assertThat(asked.state()).isEqualTo(ReplayStatus.State.REQUESTED);
        send(projects, 21, 40); // while the replay runs

        await().atMost(Duration.ofSeconds(60)).until(() -> one.replay.status().state() == ReplayStatus.State.DONE
                && count(projects) >= 24 * 40);
        assertThat(two.epoch).as("the other instance followed").isEqualTo(one.epoch).isPositive();
        assertThat(two.replay.status()).as("the other instance reports the replay too").isNotNull();
        Thread.sleep(500);
        assertThat(count(projects)).as("every event once after the rebuild").isEqualTo(24 * 40);
        for (UUID p : projects) {
            assertThat(sequences(p)).as("sequence of %s", p)
                    .isEqualTo(LongStream.rangeClosed(1, 40).boxed().toList());
        }
        Object[] s = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select coalesce(sum(gaps), 0), coalesce(sum(out_of_order), 0) from consumed_stream"
                                + " where consumer = 'epoch-test'").getSingleResult());
        assertThat(((Number) s[0]).longValue()).isZero();
        assertThat(((Number) s[1]).longValue()).isZero();
    }

    @Test
    void aBumpWaitsForTheApplyUnderWayAndRefusesTheLaterOnes() throws Exception {
        String consumer = "epoch-fence-" + UUID.randomUUID();
        long start = epochs.current(consumer);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> apply = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            epochs.fence(consumer, start);
            holding.countDown();
            try {
                commit.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> bump = CompletableFuture.supplyAsync(
                () -> QuarkusTransaction.requiringNew().call(() -> epochs.bump(consumer)));
        Thread.sleep(700);
        assertThat(bump).as("the bump waits for the apply under way").isNotDone();
        commit.countDown();
        apply.get(10, TimeUnit.SECONDS);
        assertThat(bump.get(10, TimeUnit.SECONDS)).isEqualTo(start + 1);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> epochs.fence(consumer, start)))
                .satisfies(e -> assertThat(Epochs.stale(e)).isTrue());
        QuarkusTransaction.requiringNew().run(() -> epochs.fence(consumer, start + 1));
        assertThat(Epochs.of(Epochs.metadata(7))).isEqualTo(7);
        assertThat(Epochs.of(null)).isZero();
    }

    private void send(List<UUID> projects, int from, int to) {
        for (int seq = from; seq <= to; seq++) {
            List<EventEnvelope> round = new ArrayList<>();
            for (UUID p : projects) {
                round.add(Instances.updated(p, seq, "epoch-" + seq));
            }
            instances.send(round);
        }
    }

    private long membersWithPartitions() throws Exception {
        try (Admin admin = kafka.admin()) {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS)
                    .get(GROUP);
            return d.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        }
    }

    private static String[] subjects(List<UUID> projects) {
        return projects.stream().map(UUID::toString).toArray(String[]::new);
    }

    private long count(List<UUID> projects) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from test_epoch_effect where subject = any(?1)")
                .setParameter(1, subjects(projects)).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<Long> sequences(UUID project) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                        "select sequence from test_epoch_effect where subject = ?1 order by id")
                .setParameter(1, project.toString()).getResultList()).stream().map(Number::longValue).toList());
    }
}
