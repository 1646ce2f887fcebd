package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.platform.TestBatchHandler;
import cn.zz.pipeline.platform.TestHandler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances of both kinds of consumer join and leave their group under a steady stream of events (the group moves
 * partitions between them while batches are being applied): every event is applied exactly once, and every
 * project's sequence arrives complete and in order.
 */
@QuarkusTest
class ScaleOutTest {

    private static final int PROJECTS = 30;
    private static final int EVENTS_PER_PROJECT = 80;

    @Inject
    Instances instances;

    @Inject
    TestBatchHandler batch;

    @Inject
    TestHandler record;

    @Inject
    EntityManager em;

    @AfterEach
    void stopInstances() throws InterruptedException {
        instances.stopAll();
    }

    @Test
    void membersJoinAndLeaveUnderLoadAndEveryEventIsAppliedOnce() throws Exception {
        List<UUID> projects = new ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            projects.add(UUID.randomUUID());
        }
        AtomicReference<Throwable> failed = new AtomicReference<>();
        // A steady stream: one event of every project every 100 ms (300 events a second), 8 s in all.
        Thread producer = new Thread(() -> {
            try {
                for (int seq = 1; seq <= EVENTS_PER_PROJECT; seq++) {
                    List<EventEnvelope> round = new ArrayList<>();
                    for (UUID p : projects) {
                        round.add(Instances.updated(p, seq, "scale-" + seq));
                    }
                    instances.send(round);
                    Thread.sleep(100);
                }
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "scale-out-producer");
        producer.start();

        // The service's own consumers run from start-up; two more instances of each join, then one of each leaves.
        Thread.sleep(1_000);
        ConsumerWorker batch2 = instances.start(batch);
        ConsumerWorker record2 = instances.start(record);
        Thread.sleep(1_500);
        instances.start(batch);
        instances.start(record);
        Thread.sleep(2_000);
        instances.stop(batch2);
        instances.stop(record2);
        producer.join();
        assertThat(failed.get()).isNull();

        long total = (long) PROJECTS * EVENTS_PER_PROJECT;
        await().atMost(Duration.ofSeconds(60)).until(() -> count("test_batch_effect", projects) >= total
                && count("test_effect", projects) >= total);
        Thread.sleep(1_000); // a duplicate applied late would show now
        assertThat(count("test_batch_effect", projects)).as("batch effects").isEqualTo(total);
        assertThat(count("test_effect", projects)).as("record effects").isEqualTo(total);
        assertThat(duplicates("test_batch_effect", projects)).isZero();
        assertThat(duplicates("test_effect", projects)).isZero();
        for (UUID p : projects) {
            assertThat(sequences("test_batch_effect", p)).as("batch order of %s", p)
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, EVENTS_PER_PROJECT).boxed().toList());
        }
        for (String consumer : List.of("test-batch", "test-effects")) {
            Object[] s = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                            "select count(*), coalesce(sum(gaps), 0), coalesce(sum(out_of_order), 0),"
                                    + " min(last_sequence) from consumed_stream where consumer = ?1 and subject = any(?2)")
                    .setParameter(1, consumer).setParameter(2, subjects(projects)).getSingleResult());
            assertThat(((Number) s[0]).longValue()).as("%s streams", consumer).isEqualTo(PROJECTS);
            assertThat(((Number) s[1]).longValue()).as("%s gaps", consumer).isZero();
            assertThat(((Number) s[2]).longValue()).as("%s out of order", consumer).isZero();
            assertThat(((Number) s[3]).longValue()).as("%s last sequence", consumer).isEqualTo(EVENTS_PER_PROJECT);
        }
    }

    private static String[] subjects(List<UUID> projects) {
        return projects.stream().map(UUID::toString).toArray(String[]::new);
    }

    private long count(String table, List<UUID> projects) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from " + table + " where subject = any(?1)")
                .setParameter(1, subjects(projects)).getSingleResult()).longValue());
    }

    private long duplicates(String table, List<UUID> projects) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) - count(distinct event_id) from " + table + " where subject = any(?1)")
                .setParameter(1, subjects(projects)).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<Long> sequences(String table, UUID project) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                        "select sequence from " + table + " where subject = ?1 order by id")
                .setParameter(1, project.toString()).getResultList()).stream().map(Number::longValue).toList());
    }
}
