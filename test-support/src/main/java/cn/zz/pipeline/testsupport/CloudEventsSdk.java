package cn.zz.pipeline.testsupport;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventType;
import cn.zz.pipeline.events.InvalidEventException;
import cn.zz.pipeline.events.Sequence;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline's events as an outside consumer sees them through the CloudEvents Java SDK (Kafka protocol binding,
 * structured mode, the Jackson JSON event format), and the checks that every attribute of envelope 2 is there.
 */
public final class CloudEventsSdk {

    private static final JsonFormat JSON = new JsonFormat();

    private CloudEventsSdk() {
    }

    /** Reads a record with the SDK's Kafka binding; fails unless the binding takes it for a structured-mode event. */
    public static CloudEvent read(ConsumerRecord<?, byte[]> record) {
        MessageReader reader = KafkaMessageFactory.createReader(record);
        assertEquals(Encoding.STRUCTURED, reader.getEncoding(), "encoding the SDK detects from the headers");
        return reader.toEvent();
    }

    /** A produced record as a consumer receives it (partition 0, offset 0, same key, value and headers). */
    public static <K> ConsumerRecord<K, byte[]> received(ProducerRecord<K, byte[]> record) {
        return new ConsumerRecord<>(record.topic(), 0, 0L, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, record.value().length, record.key(), record.value(),
                new RecordHeaders(record.headers().toArray()), Optional.empty());
    }

    /**
     * One record a service published, read with the SDK: every attribute there, the same event as {@link EventCodec}
     * reads from the record, from {@code source}, about the project that keys the record, with {@code sequence}.
     */
    public static EventEnvelope assertPublished(ConsumerRecord<String, byte[]> record, String source, long sequence)
            throws InvalidEventException {
        CloudEvent ce = read(record);
        EventEnvelope back = assertEveryAttribute(ce);
        assertEquals(EventCodec.read(record.value()), back, "the SDK's event is the published one");
        assertEquals(source, ce.getSource().toString(), "source");
        assertEquals(record.key(), ce.getSubject(), "subject = the record's key (the project)");
        assertEquals(sequence, Long.parseLong((String) ce.getExtension("sequence")), "sequence");
        assertEquals(back.eventType().dataschema(), ce.getDataSchema(), "dataschema");
        return back;
    }

    /**
     * Asserts every attribute of an envelope 2 event as the SDK read it, and returns the event that {@link EventCodec}
     * reads from the SDK's own JSON of it: the caller compares that with what was published.
     */
    public static EventEnvelope assertEveryAttribute(CloudEvent ce) {
        assertEquals(SpecVersion.V1, ce.getSpecVersion(), "specversion");
        assertNotNull(UUID.fromString(ce.getId()), "id");
        assertTrue(ce.getSource().toString().matches("/[a-z-]+"), "source is the producing service: " + ce.getSource());
        EventType type = EventType.fromType(ce.getType()).orElseThrow(() -> new AssertionError("type " + ce.getType()));
        assertNotNull(ce.getSubject(), "subject");
        assertNotNull(UUID.fromString(ce.getSubject()), "subject is a project id");
        assertNotNull(ce.getTime(), "time");
        assertEquals("application/json", ce.getDataContentType(), "datacontenttype");
        assertEquals(type.dataschema(), ce.getDataSchema(), "dataschema");
        assertEquals(Set.of("sequence"), ce.getExtensionNames(), "extensions");
        String sequence = assertInstanceOf(String.class, ce.getExtension("sequence"), "sequence extension type");
        assertTrue(sequence.matches("\\d{" + Sequence.DIGITS + "}"), "sequence " + sequence);
        assertNotNull(ce.getData(), "data");
        try {
            EventEnvelope back = EventCodec.read(JSON.serialize(ce));
            assertEquals(ce.getId(), back.id().toString(), "id read back");
            assertEquals(Long.parseLong(sequence), back.sequence(), "sequence read back");
            // The data as the SDK hands it out, bound by the codec's mapper to the type's payload class.
            assertEquals(back.data(), EventCodec.mapper().readValue(ce.getData().toBytes(), type.payloadClass()),
                    "data read back");
            return back;
        } catch (InvalidEventException | IOException e) {
            throw new AssertionError("EventCodec cannot read the SDK's event: " + e.getMessage(), e);
        }
    }
}
