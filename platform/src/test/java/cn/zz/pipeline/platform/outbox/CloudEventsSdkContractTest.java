package cn.zz.pipeline.platform.outbox;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventType;
import cn.zz.pipeline.events.SampleEvents;
import cn.zz.pipeline.testsupport.CloudEventsSdk;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type, put into a Kafka record by the outbox's own code (the row the outbox stores, the record the relay
 * sends), is read by the CloudEvents Java SDK with every attribute. The samples are the events module's, one per
 * type: a new type without a sample does not compile there.
 */
class CloudEventsSdkContractTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theSdkReadsEveryAttributeOfEveryType(EventType type) {
        EventEnvelope event = SampleEvents.envelope(type);
        OutboxRow row = OutboxRow.of(event);
        ProducerRecord<String, byte[]> record = EventRecords.of(row.topic(), row.key(), row.payload());

        assertThat(record.topic()).isEqualTo(type.topic());
        assertThat(record.key()).isEqualTo(event.subject());
        CloudEvent ce = CloudEventsSdk.read(CloudEventsSdk.received(record));

        assertThat(ce.getId()).isEqualTo(event.id().toString());
        assertThat(ce.getSource()).hasToString(event.source());
        assertThat(ce.getType()).isEqualTo(type.type());
        assertThat(ce.getSubject()).isEqualTo(event.subject());
        assertThat(ce.getTime().toInstant()).isEqualTo(event.time());
        assertThat(ce.getTime().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(ce.getDataContentType()).isEqualTo("application/json");
        assertThat(ce.getDataSchema()).isEqualTo(type.dataschema());
        assertThat(ce.getDataSchema()).hasToString("https://schemas.pipeline.zz.cn/events/" + type.type() + ".json");
        assertThat(ce.getExtension("sequence")).isEqualTo("0000000000000000007");
        EventEnvelope back = CloudEventsSdk.assertEveryAttribute(ce);
        assertThat(back).isEqualTo(event);
        assertThat(back.data()).isEqualTo(SampleEvents.payload(type));
    }

    @Test
    void theRecordSaysStructuredMode() {
        EventEnvelope event = SampleEvents.envelope(EventType.PROJECT_DECLARED);
        OutboxRow row = OutboxRow.of(event);
        ProducerRecord<String, byte[]> record = EventRecords.of(row.topic(), row.key(), row.payload());

        assertThat(record.headers().headers("content-type")).hasSize(1);
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json; charset=UTF-8");
        // Structured mode only: no binary-mode ce_ headers beside the JSON.
        assertThat(record.headers()).allSatisfy(h -> assertThat(h.key()).doesNotStartWith("ce_"));
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(row.payload());
    }

    @Test
    void theSdkReadsAnEnvelopeOneEventToo() {
        // As the relay published it before issue 16: integer sequence, no dataschema. The SDK keeps the integer.
        EventEnvelope event = EventEnvelope.create("/project-service", SampleEvents.PROJECT_ID.toString(), 12,
                Instant.parse("2025-06-30T08:00:00Z"), SampleEvents.payload(EventType.PROJECT_STARTED));
        String envelopeOne = OutboxRow.of(event).payload()
                .replace(",\"dataschema\":\"" + EventType.PROJECT_STARTED.dataschema() + "\"", "")
                .replace("\"sequence\":\"0000000000000000012\"", "\"sequence\":12");
        assertThat(envelopeOne).doesNotContain("dataschema").contains("\"sequence\":12,");
        ConsumerRecord<String, byte[]> record = CloudEventsSdk.received(
                EventRecords.of(EventType.PROJECT_STARTED.topic(), event.subject(), envelopeOne));

        CloudEvent ce = CloudEventsSdk.read(record);

        assertThat(ce.getDataSchema()).isNull();
        assertThat(ce.getExtension("sequence")).isEqualTo(12);
    }
}
