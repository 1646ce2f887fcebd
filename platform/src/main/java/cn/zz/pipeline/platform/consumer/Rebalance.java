package cn.zz.pipeline.platform.consumer;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;

/**
 * Fences a consumer's partitions when the group moves them (an instance joins, leaves or dies). Called on the
 * consumer's thread, inside poll(). Revoked: what this instance is still applying of them is finished (at most
 * {@code pipeline.consumer.drain-timeout}) and committed before the next owner starts, so it neither re-reads nor
 * waits. Lost (the session expired, another instance may already own them): finished too, but nothing is committed.
 * Assigned: an offset committed under an older replay epoch is read from the beginning. With cooperative-sticky
 * assignment only the partitions that move are revoked; the others keep being applied.
 */
final class Rebalance implements ConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(ConsumerRunner.class); // the consumer's one log category

    private final ConsumerWorker worker;

    Rebalance(ConsumerWorker worker) {
        this.worker = worker;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            LOG.debugf("consumer %s: revoked %s", worker.name, partitions);
            worker.release(partitions, true);
        }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            LOG.infof("consumer %s: lost %s (session expired)", worker.name, partitions);
            worker.release(partitions, false);
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            LOG.debugf("consumer %s: assigned %s", worker.name, partitions);
            worker.claim(partitions);
        }
    }
}
