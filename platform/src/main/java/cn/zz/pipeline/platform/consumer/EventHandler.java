package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.EventEnvelope;

import java.util.Set;

/**
 * A projection or reaction fed from Kafka. Implementations are CDI beans; {@link ConsumerRunner} gives each its own
 * consumer group and thread, calls {@link #handle} inside the transaction that also records the event id, and
 * sends events it cannot handle to the topic's dead-letter topic.
 */
public interface EventHandler {

    /** Unique within the service; the consumer group is "{service}.{name}". */
    String name();

    Set<String> topics();

    /** Called at most once per event id (in the same transaction as the processed-event record). */
    void handle(EventEnvelope event);
}
