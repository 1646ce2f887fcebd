package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances applying the same subject at once (a partition handed over while its batch is still being applied):
 * the second transaction waits on the stream position until the first commits, then sees it.
 */
@QuarkusTest
class InboxConcurrencyTest {

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Test
    void aBatchOfTheSameEventsWaitsForTheOtherAndAppliesNothingTwice() throws Exception {
        UUID project = UUID.randomUUID();
        List<Inbox.Delivery> batch = List.of(
                new Inbox.Delivery(Topics.PROJECT_EVENTS, Instances.updated(project, 1, "one")),
                new Inbox.Delivery(Topics.PROJECT_EVENTS, Instances.updated(project, 2, "two")));
        CountDownLatch firstRead = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<List<EventEnvelope>> first = CompletableFuture.supplyAsync(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    List<EventEnvelope> fresh = inbox.fresh("concurrency-batch", batch);
                    firstRead.countDown();
                    commitFirst.await(10, TimeUnit.SECONDS);
                    return fresh;
                }));
        assertThat(firstRead.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<EventEnvelope>> second = CompletableFuture.supplyAsync(() ->
                QuarkusTransaction.requiringNew().call(() -> inbox.fresh("concurrency-batch", batch)));
        Thread.sleep(700);
        assertThat(second).as("the second waits for the first's positions").isNotDone();
        commitFirst.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).hasSize(2);
        assertThat(second.get(10, TimeUnit.SECONDS)).as("nothing left for the second").isEmpty();
        assertThat(stream("concurrency-batch", project)).containsExactly(2L, 2L, 0L, 0L);
    }

    @Test
    void twoNewEventsOfANewSubjectQueueOnItsPositionAndCountNoGap() throws Exception {
        UUID project = UUID.randomUUID();
        EventEnvelope one = Instances.updated(project, 1, "one");
        EventEnvelope two = Instances.updated(project, 2, "two");
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    boolean applied = inbox.firstDelivery("concurrency-record", Topics.PROJECT_EVENTS, one);
                    firstIn.countDown();
                    commitFirst.await(10, TimeUnit.SECONDS);
                    return applied;
                }));
        assertThat(firstIn.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() ->
                QuarkusTransaction.requiringNew().call(
                        () -> inbox.firstDelivery("concurrency-record", Topics.PROJECT_EVENTS, two)));
        Thread.sleep(700);
        assertThat(second).as("the second waits for the subject's position").isNotDone();
        commitFirst.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream("concurrency-record", project)).containsExactly(2L, 2L, 0L, 0L);
    }

    @Test
    void theSameEventTwiceAtOnceIsAppliedOnce() throws Exception {
        UUID project = UUID.randomUUID();
        EventEnvelope one = Instances.updated(project, 1, "one");
        List<Boolean> applied = cn.zz.pipeline.testsupport.Concurrently.run(2, i -> QuarkusTransaction.requiringNew()
                .call(() -> inbox.firstDelivery("concurrency-twice", Topics.PROJECT_EVENTS, one)));
        assertThat(applied).containsExactlyInAnyOrder(true, false);
        assertThat(stream("concurrency-twice", project)).containsExactly(1L, 1L, 0L, 0L);
    }

    /** last_sequence, applied, gaps, out_of_order */
    private List<Long> stream(String consumer, UUID project) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select last_sequence, applied, gaps, out_of_order from consumed_stream where consumer = ?1"
                                + " and subject = ?2")
                .setParameter(1, consumer).setParameter(2, project.toString()).getSingleResult());
        return java.util.Arrays.stream(row).map(o -> ((Number) o).longValue()).toList();
    }
}
