package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Optional;

/**
 * A record's event, or why it cannot be one (then it goes to the dead-letter topic), or, for a batch handler, only
 * the head of an event whose type the handler does not need ({@link BatchEventHandler#wants}).
 */
record Decoded(EventEnvelope event, String failure, EventCodec.Head passedOver) {

    /** JSON parse, schema check and binding of the record's value. */
    static Decoded of(ConsumerRecord<String, byte[]> record) {
        try {
            return new Decoded(EventCodec.read(record.value()), null, null);
        } catch (InvalidEventException e) {
            return new Decoded(null, "invalid event: " + e.reason(), null);
        } catch (RuntimeException e) {
            return new Decoded(null, "invalid event: " + e.getMessage(), null);
        }
    }

    /** For a batch handler: the head first; the whole event only if the handler wants its type. */
    static Decoded of(ConsumerRecord<String, byte[]> record, BatchEventHandler handler) {
        Optional<EventCodec.Head> head = EventCodec.peek(record.value());
        if (head.isPresent() && !handler.wants(head.get().type())) {
            return new Decoded(null, null, head.get());
        }
        return of(record);
    }

    /** What the stream positions need ({@link Inbox#fresh}), null for an invalid record. */
    Inbox.Delivery delivery(String topic) {
        if (event != null) {
            return new Inbox.Delivery(topic, event.subject(), event.sequence(), event);
        }
        return passedOver == null ? null : new Inbox.Delivery(topic, passedOver.subject(), passedOver.sequence(), null);
    }
}
