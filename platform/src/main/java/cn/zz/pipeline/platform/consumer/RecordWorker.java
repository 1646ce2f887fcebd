package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;

/**
 * The consumer of a plain {@link EventHandler}, record by record: decode (an invalid record is dead-lettered), apply
 * in one transaction together with the processed-event record ({@link Inbox#firstDelivery}), and once the whole
 * poll is dealt with, commit its offsets. A crash before the commit means redelivery, which the inbox absorbs.
 */
final class RecordWorker extends ConsumerWorker {

    RecordWorker(EventHandler handler, String groupId, Shared shared) {
        super(handler, groupId, shared);
    }

    @Override
    boolean consume(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(tp)) {
                if (!process(record)) {
                    return false;
                }
                if (staleEpoch) {
                    return true; // a replay elsewhere: nothing of this poll is committed, all of it is read again
                }
                done.put(tp, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        commit(done);
        return true;
    }

    /** Returns false only when shutting down before the record was dealt with. */
    private boolean process(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Decoded decoded = Decoded.of(record);
        if (decoded.event() == null) {
            return deadLetters.send(record, decoded.failure());
        }
        return applyOne(record, decoded.event());
    }

    @Override
    void applyInTransaction(String topic, EventEnvelope event) {
        epochs.fence(name, epoch);
        if (inbox.firstDelivery(name, topic, event)) {
            handler.handle(event);
        }
    }

    @Override
    long replayPosition(TopicPartition partition, long begin) {
        return consumer.position(partition);
    }
}
