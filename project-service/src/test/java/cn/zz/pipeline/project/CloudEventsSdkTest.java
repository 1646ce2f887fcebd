package cn.zz.pipeline.project;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventType;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.testsupport.CloudEventsSdk;
import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.zz.pipeline.project.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What this service publishes, read as an outside consumer would: a plain Kafka consumer and the CloudEvents Java SDK
 * (Kafka binding, structured mode). The events come from the real API, the outbox and its relay.
 */
@QuarkusTest
class CloudEventsSdkTest {

    private final KafkaTestClient kafka = new KafkaTestClient(KafkaResource.bootstrapServers());

    @Test
    void theSdkReadsEveryAttributeOfThePublishedEvents() throws Exception {
        LocalDate today = LocalDate.of(2026, 6, 15);
        Api.standOn(today);
        String id = Api.registered();
        as("staff.shangjie").body(Map.of("leader", "王副区长", "taskForce", List.of("张伟", "李娜")))
                .put("/api/projects/" + id + "/assignment").then().statusCode(200);
        as("staff.shangjie").body(Map.of("category", "UTILITIES", "description", "用电增容未落实", "department",
                "供电公司", "deadline", today.plusDays(30).toString()))
                .post("/api/projects/" + id + "/problems").then().statusCode(201);
        Api.patching("staff.shangjie", 3).body("{\"park\": \"上街区装备制造产业园\"}").patch("/api/projects/" + id)
                .then().statusCode(200);
        Api.move(id, "DECLARED", null);
        long version = Api.version(id);

        await().atMost(Duration.ofSeconds(30)).until(() -> records(id).size() >= version);
        List<ConsumerRecord<String, byte[]>> records = records(id);

        assertThat(records).hasSize((int) version);
        List<EventType> types = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            assertThat(record.key()).isEqualTo(id);
            // sequence = the project's version after the change
            EventEnvelope back = CloudEventsSdk.assertPublished(record, "/project-service", i + 1);
            types.add(back.eventType());
        }
        assertThat(types).containsExactly(EventType.PROJECT_REGISTERED, EventType.PROJECT_ASSIGNED,
                EventType.PROBLEM_LOGGED, EventType.PROJECT_UPDATED, EventType.PROJECT_DECLARED);
        assertThat(Long.parseLong((String) CloudEventsSdk.read(records.get(records.size() - 1)).getExtension("sequence")))
                .isEqualTo(version);
    }

    private List<ConsumerRecord<String, byte[]>> records(String projectId) {
        return kafka.readAllBytes(Topics.PROJECT_EVENTS, r -> projectId.equals(r.key()));
    }
}
