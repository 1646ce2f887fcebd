package cn.zz.pipeline.seeds.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaSinkTest {

    @Test
    void eachProjectsEventsArePublishedInSequenceUnderItsIdAsTheRelayWould() throws Exception {
        Generator g = new Generator(7, LocalDate.of(2026, 11, 21));
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        Load.Totals t = Load.run(g, 500, 1_000, 3, new KafkaSink(g, producer), null);
        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).hasSize((int) t.events());
        assertThat(producer.closed()).isTrue();
        Map<String, Long> last = new HashMap<>();
        for (ProducerRecord<String, byte[]> r : sent) {
            assertThat(r.topic()).isEqualTo(Topics.PROJECT_EVENTS);
            assertThat(new String(r.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json; charset=UTF-8");
            EventEnvelope e = EventCodec.read(r.value());
            assertThat(e.subject()).isEqualTo(r.key());
            assertThat(e.sequence()).as("next event of " + r.key()).isEqualTo(last.getOrDefault(r.key(), 0L) + 1);
            last.put(r.key(), e.sequence());
        }
        assertThat(last).hasSize(1_000);
        long expected = 0;
        for (long i = 500; i < 1_500; i++) {
            // the history, then the milestone plan of about half of them
            int events = SyntheticMilestones.envelopes(g, g.project(i)).size();
            expected += events;
            assertThat(last.get(g.project(i).id().toString())).isEqualTo(events);
        }
        assertThat(t.events()).isEqualTo(expected);
    }
}
