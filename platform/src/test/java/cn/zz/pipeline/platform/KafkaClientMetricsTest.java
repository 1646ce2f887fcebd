package cn.zz.pipeline.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The project's own Kafka clients (plain clients, not Quarkus-managed ones) report their metrics to Micrometer. */
@QuarkusTest
class KafkaClientMetricsTest {

    @Test
    void theConsumersAndTheRelaysProducerAreInTheMetrics() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            // One consumer per handler, tagged with its client id (the group id and the process id).
            assertThat(metrics).containsPattern(
                    "kafka_consumer_fetch_manager_records_consumed_total\\{[^}]*client_id=\"platform-test\\.test-effects-\\d+\"");
            assertThat(metrics).containsPattern(
                    "kafka_consumer_coordinator_assigned_partitions\\{[^}]*client_id=\"platform-test\\.test-batch-\\d+\"");
            assertThat(metrics).containsPattern(
                    "kafka_producer_record_send_total\\{[^}]*client_id=\"platform-test-outbox-relay\"");
        });
    }
}
