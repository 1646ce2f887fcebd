package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record's event, or why it cannot be one (then it goes to the dead-letter topic). */
record Decoded(EventEnvelope event, String failure) {

    /** JSON parse, schema check and binding of the record's value. */
    static Decoded of(ConsumerRecord<String, byte[]> record) {
        try {
            return new Decoded(EventCodec.read(record.value()), null);
        } catch (InvalidEventException e) {
            return new Decoded(null, "invalid event: " + e.reason());
        } catch (RuntimeException e) {
            return new Decoded(null, "invalid event: " + e.getMessage());
        }
    }
}
