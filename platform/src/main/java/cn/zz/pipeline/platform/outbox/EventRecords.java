package cn.zz.pipeline.platform.outbox;

import cn.zz.pipeline.platform.tracing.EventTracing;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka record of an event, by the CloudEvents Kafka protocol binding in structured mode: the value is the whole
 * event as JSON, and the {@code content-type} header says so. A reader of the binding (e.g. the CloudEvents SDK's
 * {@code KafkaMessageFactory}) tells structured from binary mode by that header alone; its parameters (the charset)
 * are ignored when the event format is chosen.
 */
public final class EventRecords {

    /** The binding's header name (binary mode would use {@code ce_}-prefixed headers instead). */
    public static final String CONTENT_TYPE_HEADER = "content-type";
    /** The JSON event format's media type, with the charset the value is written in. */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private static final byte[] CONTENT_TYPE_BYTES = CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);

    private EventRecords() {
    }

    /** The record of an outbox row's topic, key and CloudEvents JSON. */
    public static ProducerRecord<String, byte[]> of(String topic, String key, String payload) {
        return of(topic, key, payload, null);
    }

    /** The same, with the trace context the row was written in ({@link EventTracing#HEADER}; none when null). */
    public static ProducerRecord<String, byte[]> of(String topic, String key, String payload, String traceparent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload.getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader(CONTENT_TYPE_HEADER, CONTENT_TYPE_BYTES));
        EventTracing.addHeader(record, traceparent);
        return record;
    }
}
