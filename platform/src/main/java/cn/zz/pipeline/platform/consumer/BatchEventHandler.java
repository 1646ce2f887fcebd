package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventType;

import java.util.List;

/**
 * A projection that applies a whole poll of events in one transaction, for read models that must keep up with
 * thousands of events per second and replay the topics quickly. {@link ConsumerRunner} does not write processed-event
 * records for it: it keeps one position per (topic, subject) stream instead ({@link Inbox#fresh}), in the batch's
 * transaction, and hands over only events whose {@code sequence} (strictly increasing per project and producer) is
 * above the position: copies and older events never reach the handler. When a batch fails for a reason other than
 * a lost connection, the runner applies each half of it on its own, down to single events, so a poison event goes to
 * the dead-letter topic alone and the rest are applied.
 */
public interface BatchEventHandler extends EventHandler {

    /** Applies the events in the order given (per partition, as Kafka delivered them), all or nothing. */
    void handleBatch(List<EventEnvelope> events);

    @Override
    default void handle(EventEnvelope event) {
        handleBatch(List.of(event));
    }

    /**
     * Whether events of this type concern the handler. The others are passed over: only their head is read
     * ({@link cn.zz.pipeline.events.EventCodec#peek}; no full parse, no schema check) and they are never handed
     * over, but they move the stream positions in the batch's transaction, so the positions still account for every
     * event and a gap still shows. A record whose head cannot be read is decoded as usual (and dead-lettered if
     * invalid).
     */
    default boolean wants(EventType type) {
        return true;
    }

    /** Largest number of events one poll (and one transaction) may carry. */
    default int maxBatch() {
        return 2000;
    }
}
