package cn.zz.pipeline.platform.kafka;

import cn.zz.pipeline.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The event topics are the history a rebuild replays: the broker must never delete their records. */
@QuarkusTest
class TopicRetentionTest {

    @Inject
    KafkaClients kafka;

    @Test
    void theEventTopicsAndTheirDeadLettersKeepEveryRecord() throws Exception {
        await().atMost(30, TimeUnit.SECONDS).until(kafka::ensureTopics);
        try (Admin admin = kafka.admin()) {
            for (String topic : List.of(Topics.PROJECT_EVENTS, Topics.APPROVAL_EVENTS,
                    Topics.dlq(Topics.PROJECT_EVENTS), Topics.dlq(Topics.APPROVAL_EVENTS))) {
                assertThat(retention(admin, topic)).as(topic).isEqualTo("-1");
            }
        }
    }

    @Test
    void aTopicCreatedWithATimeLimitIsGivenUnlimitedRetention() throws Exception {
        await().atMost(30, TimeUnit.SECONDS).until(kafka::ensureTopics);
        String dlq = Topics.dlq(Topics.APPROVAL_EVENTS);
        try (Admin admin = kafka.admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, dlq);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "604800000"), AlterConfigOp.OpType.SET))))
                    .all().get(10, TimeUnit.SECONDS);
            await().atMost(10, TimeUnit.SECONDS)
                    .untilAsserted(() -> assertThat(retention(admin, dlq)).isEqualTo("604800000"));

            KafkaClients.keepForever(admin, Set.of(dlq));

            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(retention(admin, dlq)).isEqualTo("-1"));
        }
    }

    private static String retention(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                .get(TopicConfig.RETENTION_MS_CONFIG).value();
    }
}
