package cn.zz.pipeline.reporting;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.Decision;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.approval.ApprovalTask;
import cn.zz.pipeline.events.approval.CaseOpened;
import cn.zz.pipeline.events.approval.TaskDecided;
import cn.zz.pipeline.events.approval.TaskReturned;
import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.events.project.ProblemLogged;
import cn.zz.pipeline.events.project.ProblemResolved;
import cn.zz.pipeline.events.project.ProjectAdmitted;
import cn.zz.pipeline.events.project.ProjectAssigned;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectInProduction;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.events.project.ProjectStarted;
import cn.zz.pipeline.events.project.ProjectWithdrawn;
import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KafkaTestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The events project-service and approval-service would publish about one project, sent to Kafka with the
 * project's sequences, so the ledger and export tests see what the projection made of them.
 */
final class LedgerFeed {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final KafkaTestClient KAFKA = new KafkaTestClient(KafkaResource.bootstrapServers());

    final UUID id = UUID.randomUUID();
    final String code;
    private ProjectSnapshot snapshot;
    private long sequence;
    private long approvalSequence;

    /** A project of the given facts in the reserve (储备), not yet registered. */
    LedgerFeed(String code, String name, String owner, String district, String park, String industry,
               ConstructionType constructionType, String totalInvestment, LocalDate plannedStart,
               LocalDate plannedProduction) {
        this.code = code;
        snapshot = new ProjectSnapshot(id, code, name, owner, "91410100MA44XXXX1X", district, park, "电子信息",
                industry, Sector.SECONDARY, constructionType, "01", new BigDecimal(totalInvestment),
                new BigDecimal("100"), new BigDecimal("60000"), new BigDecimal("4000"), true,
                EiaCategory.REPORT_FORM, true, plannedStart, plannedProduction, Stage.RESERVE, null, List.of());
    }

    String district() {
        return snapshot.district();
    }

    LedgerFeed registered(LocalDate on) {
        return send(on, new ProjectRegistered(snapshot, "staff"));
    }

    LedgerFeed declared(LocalDate on) {
        snapshot = withStage(Stage.DECLARED);
        return send(on, new ProjectDeclared(snapshot, on, null, "staff"));
    }

    LedgerFeed admitted(LocalDate on) {
        snapshot = withStage(Stage.ADMITTED);
        return send(on, new ProjectAdmitted(id, code, district(), Stage.DECLARED, on, UUID.randomUUID(), null,
                "staff"));
    }

    LedgerFeed started(LocalDate on) {
        snapshot = withStage(Stage.STARTED);
        return send(on, new ProjectStarted(id, code, district(), Stage.ADMITTED, on, null, "staff"));
    }

    LedgerFeed inProduction(LocalDate on) {
        snapshot = withStage(Stage.IN_PRODUCTION);
        return send(on, new ProjectInProduction(id, code, district(), Stage.STARTED, on, null, "staff"));
    }

    LedgerFeed withdrawn(LocalDate on) {
        Stage from = snapshot.stage();
        snapshot = withStage(Stage.WITHDRAWN);
        return send(on, new ProjectWithdrawn(id, code, district(), from, on, "建设单位放弃投资", "staff"));
    }

    /** The cumulative figure 1-{@code month}月 of {@code year}, 万元. */
    LedgerFeed report(int year, int month, String amount) {
        return send(LocalDate.of(year, month, 20), new InvestmentReported(id, code, district(),
                String.format("%04d-%02d", year, month), year, month, new BigDecimal(amount), null, null, "staff"));
    }

    LedgerFeed assigned(String leader, List<String> taskForce) {
        return send(LocalDate.now(ZONE), new ProjectAssigned(id, leader, taskForce, "staff"));
    }

    UUID problem(String category, String description, String department, LocalDate deadline, LocalDate loggedOn) {
        UUID problem = UUID.randomUUID();
        send(loggedOn, new ProblemLogged(id, problem, category, description, department, deadline, "staff"));
        return problem;
    }

    LedgerFeed resolved(UUID problem, String resolution, LocalDate on) {
        return send(on, new ProblemResolved(id, problem, resolution, on, "staff"));
    }

    /** Opens the project's approval case with these tasks (sent by approval-service). */
    UUID caseOpened(LocalDate on, List<ApprovalTask> tasks) {
        UUID caseId = UUID.randomUUID();
        approval(on, new CaseOpened(caseId, id, district(), tasks));
        return caseId;
    }

    LedgerFeed approved(UUID caseId, ApprovalTask task, LocalDate on) {
        approval(on, new TaskDecided(caseId, task.taskId(), id, task.department(), task.item(), Decision.APPROVE,
                "同意", "approver"));
        return this;
    }

    LedgerFeed returned(UUID caseId, ApprovalTask task, LocalDate on) {
        approval(on, new TaskReturned(caseId, task.taskId(), id, task.department(), task.item(), "请补充材料",
                "approver"));
        return this;
    }

    static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(ZONE).toInstant();
    }

    private LedgerFeed send(LocalDate on, EventPayload data) {
        sequence++;
        EventEnvelope e = EventEnvelope.create("/project-service", id.toString(), sequence, at(on), data);
        KAFKA.send(Topics.PROJECT_EVENTS, e.subject(), EventCodec.write(e));
        return this;
    }

    private void approval(LocalDate on, EventPayload data) {
        approvalSequence++;
        EventEnvelope e = EventEnvelope.create("/approval-service", id.toString(), approvalSequence, at(on), data);
        KAFKA.send(Topics.APPROVAL_EVENTS, e.subject(), EventCodec.write(e));
    }

    private ProjectSnapshot withStage(Stage stage) {
        ProjectSnapshot s = snapshot;
        return new ProjectSnapshot(s.id(), s.code(), s.name(), s.ownerName(), s.ownerCreditCode(), s.district(),
                s.park(), s.chain(), s.industry(), s.sector(), s.constructionType(), s.projectType(),
                s.totalInvestment(), s.landArea(), s.annualOutput(), s.annualTax(), s.takesNewLand(),
                s.eiaCategory(), s.privateInvestment(), s.plannedStart(), s.plannedProduction(), stage, s.leader(),
                s.taskForce());
    }
}
