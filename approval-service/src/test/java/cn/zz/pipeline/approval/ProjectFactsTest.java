package cn.zz.pipeline.approval;

import cn.zz.pipeline.approval.facts.ProjectFact;
import cn.zz.pipeline.approval.facts.ProjectFactRepository;
import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.events.project.ProjectAssigned;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectWithdrawn;
import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KafkaTestClient;
import cn.zz.pipeline.testsupport.SampleProjects;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ProjectFactsTest {

    @Inject
    ProjectFactRepository facts;

    private final KafkaTestClient kafka = new KafkaTestClient(KafkaResource.bootstrapServers());

    private void send(UUID project, long sequence, EventPayload data) {
        EventEnvelope e = EventEnvelope.create("/project-service", project.toString(), sequence, Instant.now(), data);
        kafka.send(Topics.PROJECT_EVENTS, e.subject(), EventCodec.write(e));
    }

    private ProjectFact fact(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> facts.findByIdOptional(id).orElse(null));
    }

    @Test
    void projectFactsFollowTheProjectEvents() {
        UUID id = UUID.randomUUID();
        var reserve = SampleProjects.snapshot(id, "华思光电 MiniLED", "410184", new BigDecimal("30000"), Stage.RESERVE);
        send(id, 1, new ProjectRegistered(reserve, "staff.xinzheng"));
        send(id, 2, new ProjectDeclared(SampleProjects.snapshot(id, "华思光电 MiniLED", "410184",
                new BigDecimal("31000"), Stage.DECLARED), LocalDate.of(2025, 6, 1), null, "staff.xinzheng"));
        send(id, 3, new ProjectAssigned(id, "张副区长", List.of("发改委", "自然资源局"), "staff.xinzheng"));
        // A stale copy of the registration arrives late: it must not roll the facts back.
        send(id, 1, new ProjectRegistered(reserve, "staff.xinzheng"));
        // A type approvals do not need: passed over unparsed, yet it moves the stream (no gap is counted).
        send(id, 4, new InvestmentReported(id, reserve.code(), "410184", "2025-06", 2025, 6, new BigDecimal("1200"),
                null, null, "staff.xinzheng"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ProjectFact f = fact(id);
            assertThat(f).isNotNull();
            assertThat(f.stage()).isEqualTo(Stage.DECLARED);
            assertThat(f.leader()).isEqualTo("张副区长");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", Tokens.bearer("admin")).queryParam("subject", id.toString())
                .get("/api/admin/event-streams").then().statusCode(200)
                .body("find { it.consumer == 'project-facts' }.applied", equalTo(4))
                .body("find { it.consumer == 'project-facts' }.lastSequence", equalTo(4))
                .body("find { it.consumer == 'project-facts' }.gaps", equalTo(0)));
        assertThat(fact(id).totalInvestment()).isEqualByComparingTo("31000");
        assertThat(fact(id).lastSequence()).isEqualTo(2); // the assignment moves the leader only
    }

    @Test
    void withinOneBatchAProjectsFactsAreStoredBeforeItsCaseOpensOrIsCancelled() {
        UUID kept = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        List<EventEnvelope> burst = new ArrayList<>();
        for (UUID id : List.of(kept, withdrawn)) {
            var reserve = SampleProjects.snapshot(id, "批内项目", "410184", new BigDecimal("8000"), Stage.RESERVE);
            burst.add(envelope(id, 1, new ProjectRegistered(reserve, "staff.xinzheng")));
            burst.add(envelope(id, 2, new ProjectDeclared(SampleProjects.snapshot(id, "批内项目", "410184",
                    new BigDecimal("8000"), Stage.DECLARED), LocalDate.of(2025, 6, 2), null, "staff.xinzheng")));
            burst.add(envelope(id, 3, new ProjectAssigned(id, "李副区长", List.of("发改委"), "staff.xinzheng")));
        }
        burst.add(envelope(withdrawn, 4, new ProjectWithdrawn(withdrawn, codeOf(burst, withdrawn), "410184",
                Stage.DECLARED, LocalDate.of(2025, 6, 3), "企业放弃", "staff.xinzheng")));
        // Sent at once, so that the consumer takes them in one poll: one transaction for all of them.
        kafka.sendAll(Topics.PROJECT_EVENTS, burst.stream().map(e -> Map.entry(e.subject(), EventCodec.write(e))).toList());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(caseStates(kept)).containsExactly("OPEN");
            assertThat(caseStates(withdrawn)).containsExactly("CANCELLED");
        });
        assertThat(fact(kept).stage()).isEqualTo(Stage.DECLARED);
        assertThat(fact(kept).leader()).isEqualTo("李副区长");
        assertThat(fact(withdrawn).stage()).isEqualTo(Stage.WITHDRAWN);
        assertThat(fact(withdrawn).lastSequence()).isEqualTo(4);
    }

    private static String codeOf(List<EventEnvelope> events, UUID id) {
        return events.stream().filter(e -> e.data() instanceof ProjectRegistered r && r.project().id().equals(id))
                .map(e -> ((ProjectRegistered) e.data()).project().code()).findFirst().orElseThrow();
    }

    private static EventEnvelope envelope(UUID project, long sequence, EventPayload data) {
        return EventEnvelope.create("/project-service", project.toString(), sequence, Instant.now(), data);
    }

    @SuppressWarnings("unchecked")
    private List<String> caseStates(UUID project) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) facts.getEntityManager()
                .createNativeQuery("select state from approval_case where project_id = ?1 order by opened_at")
                .setParameter(1, project).getResultList());
    }

    @Test
    void adminEndpointsNeedTheAdminRole() {
        given().header("Authorization", Tokens.bearer("staff.shangjie")).queryParam("subject", UUID.randomUUID().toString())
                .get("/api/admin/event-streams").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("admin")).queryParam("subject", "nope")
                .get("/api/admin/event-streams").then().statusCode(400)
                .body("violations[0].field", equalTo("subject"));
        given().queryParam("subject", UUID.randomUUID().toString())
                .get("/api/admin/event-streams").then().statusCode(401);
    }

    @Test
    void healthIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().body("checks.name", org.hamcrest.Matchers.hasItem("event pipeline"));
    }
}
