package cn.zz.pipeline.events;

import cn.zz.pipeline.events.approval.ApprovalTask;
import cn.zz.pipeline.events.approval.CaseApproved;
import cn.zz.pipeline.events.approval.CaseOpened;
import cn.zz.pipeline.events.approval.CaseRejected;
import cn.zz.pipeline.events.approval.TaskDecided;
import cn.zz.pipeline.events.approval.TaskOverdue;
import cn.zz.pipeline.events.approval.TaskResubmitted;
import cn.zz.pipeline.events.approval.TaskReturned;
import cn.zz.pipeline.events.project.CampaignEntryRemoved;
import cn.zz.pipeline.events.project.CampaignEntrySet;
import cn.zz.pipeline.events.project.InvestmentOverdue;
import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.events.project.MaterialAdded;
import cn.zz.pipeline.events.project.MaterialRemoved;
import cn.zz.pipeline.events.project.MilestoneAtRisk;
import cn.zz.pipeline.events.project.MilestoneLate;
import cn.zz.pipeline.events.project.MilestoneNode;
import cn.zz.pipeline.events.project.MilestonesSet;
import cn.zz.pipeline.events.project.PlanSet;
import cn.zz.pipeline.events.project.ProblemLogged;
import cn.zz.pipeline.events.project.ProblemResolved;
import cn.zz.pipeline.events.project.ProjectAdmitted;
import cn.zz.pipeline.events.project.ProjectAssigned;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectInProduction;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectReturnedToReserve;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.events.project.ProjectStarted;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.events.project.ProjectWithdrawn;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Realistic, deterministic sample events (奥克斯智能空调基地, 上街区), one per type. Public and shipped in this module's
 * test jar, so that other modules' contract tests (the CloudEvents SDK test of platform) use the same samples.
 */
public final class SampleEvents {

    public static final UUID PROJECT_ID = UUID.fromString("6f1c2b9e-3d4a-4e8b-9c1d-2a3b4c5d6e7f");
    static final UUID CASE_ID = UUID.fromString("0b7d5c3a-1e2f-4a5b-8c9d-0e1f2a3b4c5d");
    static final UUID TASK_ID = UUID.fromString("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d");
    static final UUID CAMPAIGN_ID = UUID.fromString("3e2d1c0b-9a87-4654-8321-0fedcba98765");
    static final UUID MATERIAL_ID = UUID.fromString("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    static final UUID PROBLEM_ID = UUID.fromString("5c4b3a29-1807-4f6e-8d5c-4b3a29180706");
    static final String CODE = "2025-410106-38-01-000017";
    static final String DISTRICT = "410106";
    static final Instant TIME = Instant.parse("2025-06-30T08:00:00Z");

    private SampleEvents() {
    }

    static ProjectSnapshot snapshot(Stage stage) {
        return new ProjectSnapshot(PROJECT_ID, CODE, "奥克斯智能空调基地", "河南奥克斯智能电气有限公司", "91410106MA9G7K2X3P",
                DISTRICT, "上街区先进制造业开发区", "智能家电", "C3851", Sector.SECONDARY, ConstructionType.NEW, "01",
                new BigDecimal("300000"), new BigDecimal("520.5"), new BigDecimal("1200000"), new BigDecimal("36000.75"),
                true, EiaCategory.REPORT_FORM, true, LocalDate.of(2025, 3, 1), LocalDate.of(2026, 12, 31), stage,
                "王副区长", List.of("张伟", "李娜"), LocalDate.of(2024, 11, 8), new BigDecimal("300000"));
    }

    public static EventPayload payload(EventType type) {
        // No default branch: a new EventType without a sample does not compile.
        return switch (type) {
            case PROJECT_REGISTERED -> new ProjectRegistered(snapshot(Stage.RESERVE), "staff.shangjie");
            case PROJECT_UPDATED -> new ProjectUpdated(snapshot(Stage.RESERVE), List.of("totalInvestment", "landArea"),
                    "staff.shangjie");
            case PROJECT_DECLARED -> new ProjectDeclared(snapshot(Stage.DECLARED), LocalDate.of(2025, 4, 10),
                    "投资额与亩均指标达标，申报入库", "staff.shangjie");
            case PROJECT_ADMITTED -> new ProjectAdmitted(PROJECT_ID, CODE, DISTRICT, Stage.DECLARED,
                    LocalDate.of(2025, 5, 20), CASE_ID, null, null);
            case PROJECT_STARTED -> new ProjectStarted(PROJECT_ID, CODE, DISTRICT, Stage.ADMITTED,
                    LocalDate.of(2025, 6, 1), "桩基施工开始", "staff.shangjie");
            case PROJECT_IN_PRODUCTION -> new ProjectInProduction(PROJECT_ID, CODE, DISTRICT, Stage.STARTED,
                    LocalDate.of(2026, 12, 28), "一期产线投产", "staff.shangjie");
            case PROJECT_WITHDRAWN -> new ProjectWithdrawn(PROJECT_ID, CODE, DISTRICT, Stage.ADMITTED,
                    LocalDate.of(2025, 9, 1), "企业调整投资计划", "staff.shangjie");
            case PROJECT_RETURNED_TO_RESERVE -> new ProjectReturnedToReserve(PROJECT_ID, CODE, DISTRICT, Stage.DECLARED,
                    LocalDate.of(2025, 5, 2), CASE_ID, "环评批复未通过", null);
            case INVESTMENT_REPORTED -> new InvestmentReported(PROJECT_ID, CODE, DISTRICT, "2025-06", 2025, 6,
                    new BigDecimal("65000.5"), new BigDecimal("64800"), "更正6月数据", "staff.shangjie");
            case PROBLEM_LOGGED -> new ProblemLogged(PROJECT_ID, PROBLEM_ID, "水电", "施工用电增容未完成", "区供电公司",
                    LocalDate.of(2025, 7, 15), "staff.shangjie", LocalDate.of(2025, 6, 28));
            case PROBLEM_RESOLVED -> new ProblemResolved(PROJECT_ID, PROBLEM_ID, "专线已接通", LocalDate.of(2025, 7, 10),
                    "staff.shangjie");
            case PROJECT_ASSIGNED -> new ProjectAssigned(PROJECT_ID, "王副区长", List.of("张伟", "李娜"), "admin");
            case PLAN_SET -> new PlanSet(PROJECT_ID, CODE, DISTRICT, 2025, new BigDecimal("65000"), new BigDecimal("60000"),
                    "年中调整计划", "staff.shangjie");
            case INVESTMENT_OVERDUE -> new InvestmentOverdue(PROJECT_ID, CODE, DISTRICT, "2025-06", LocalDate.of(2025, 6, 25),
                    "王副区长");
            case CAMPAIGN_ENTRY_SET -> new CampaignEntrySet(PROJECT_ID, CODE, DISTRICT, CAMPAIGN_ID, "2025年第二期三个一批",
                    LocalDate.of(2025, 6, 30), CampaignList.START, "staff.shangjie");
            case CAMPAIGN_ENTRY_REMOVED -> new CampaignEntryRemoved(PROJECT_ID, CAMPAIGN_ID, "staff.shangjie");
            case MILESTONES_SET -> new MilestonesSet(PROJECT_ID, CODE, DISTRICT, LocalDate.of(2027, 3, 1), 2, List.of(
                    new MilestoneNode("LAND", "拿地", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 20),
                            MilestoneNode.Source.MANUAL, MilestoneNode.Completion.MANUAL),
                    new MilestoneNode("APPROVED", "并联审批完成", LocalDate.of(2027, 1, 30), null,
                            MilestoneNode.Source.TEMPLATE, MilestoneNode.Completion.EVENT),
                    new MilestoneNode("START", "开工", LocalDate.of(2027, 3, 1), null, MilestoneNode.Source.TEMPLATE,
                            MilestoneNode.Completion.EVENT)), "拿地完成", "staff.shangjie");
            case MILESTONE_AT_RISK -> new MilestoneAtRisk(PROJECT_ID, CODE, DISTRICT, "LAND", "拿地",
                    LocalDate.of(2026, 12, 8), "王副区长");
            case MILESTONE_LATE -> new MilestoneLate(PROJECT_ID, CODE, DISTRICT, "START", "开工",
                    LocalDate.of(2026, 11, 30), 3, null);
            case MATERIAL_ADDED -> new MaterialAdded(PROJECT_ID, CODE, DISTRICT, MATERIAL_ID, MaterialKind.SITE_PHOTO,
                    "现场照片-1号楼.jpg", 48_213, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    "image/jpeg", LocalDate.of(2026, 11, 20), "staff.shangjie");
            case MATERIAL_REMOVED -> new MaterialRemoved(PROJECT_ID, CODE, DISTRICT, MATERIAL_ID, MaterialKind.CONTRACT,
                    "staff.shangjie");
            case CASE_OPENED -> new CaseOpened(CASE_ID, PROJECT_ID, DISTRICT, List.of(
                    new ApprovalTask(TASK_ID, "NDRC", "FILING", 3, LocalDate.of(2025, 4, 15)),
                    new ApprovalTask(UUID.fromString("1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d"), "NR", "LAND_PRE_APPROVAL", 20,
                            LocalDate.of(2025, 5, 9), List.of("LAND_PRE_APPROVAL", "LAND_PLANNING_PERMIT"))),
                    LocalDate.of(2025, 4, 10));
            case TASK_DECIDED -> new TaskDecided(CASE_ID, TASK_ID, PROJECT_ID, "NDRC", "FILING", Decision.APPROVE,
                    "符合产业政策，予以备案", "approver.ndrc");
            case TASK_RETURNED -> new TaskReturned(CASE_ID, TASK_ID, PROJECT_ID, "NDRC", "FILING", "请补充项目建议书",
                    "approver.ndrc");
            case TASK_RESUBMITTED -> new TaskResubmitted(CASE_ID, TASK_ID, PROJECT_ID, "NDRC", "FILING",
                    LocalDate.of(2025, 4, 18), "staff.shangjie");
            case TASK_OVERDUE -> new TaskOverdue(CASE_ID, TASK_ID, PROJECT_ID, "NDRC", "FILING", LocalDate.of(2025, 4, 15),
                    "王副区长");
            case CASE_APPROVED -> new CaseApproved(CASE_ID, PROJECT_ID, Instant.parse("2025-05-20T02:30:00Z"));
            case CASE_REJECTED -> new CaseRejected(CASE_ID, PROJECT_ID, "EE", "选址位于水源保护区",
                    Instant.parse("2025-05-02T09:15:30.123Z"));
        };
    }

    public static EventEnvelope envelope(EventType type) {
        String source = type.topic().equals(Topics.PROJECT_EVENTS) ? "/project-service" : "/approval-service";
        UUID id = UUID.nameUUIDFromBytes(type.type().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new EventEnvelope("1.0", id, source, type.type(), PROJECT_ID.toString(), TIME, "application/json",
                7, payload(type));
    }

    /** The sample event of a type as JSON, changed by {@code change} first (to make it invalid, say). */
    public static String json(EventType type, Consumer<ObjectNode> change) {
        try {
            ObjectNode node = (ObjectNode) EventCodec.mapper().readTree(EventCodec.write(envelope(type)));
            change.accept(node);
            return EventCodec.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
