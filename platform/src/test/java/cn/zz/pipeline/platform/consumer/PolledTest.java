package cn.zz.pipeline.platform.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A decoded poll keeps nothing of the fetch response it came in. */
class PolledTest {

    @Test
    void headersAreCopiedOutOfTheFetchResponse() {
        // A fetch response as the client holds it: one buffer, the header a view into it.
        byte[] response = new byte[4096];
        byte[] key = "traceparent".getBytes(StandardCharsets.UTF_8);
        byte[] value = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(key, 0, response, 100, key.length);
        System.arraycopy(value, 0, response, 200, value.length);
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader(ByteBuffer.wrap(response, 100, key.length).slice(),
                ByteBuffer.wrap(response, 200, value.length).slice()));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("t", 0, 7, 0L, TimestampType.CREATE_TIME, 0, 0,
                "k", new byte[] {1}, headers, Optional.empty());

        Polled.detachHeaders(record);
        Arrays.fill(response, (byte) 0); // the client reuses or drops the response

        assertThat(record.headers().lastHeader("traceparent")).isNotNull();
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo(new String(value, StandardCharsets.UTF_8));
    }
}
