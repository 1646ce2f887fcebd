package cn.zz.pipeline.events;

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
import cn.zz.pipeline.events.project.ProjectStarted;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.events.project.ProjectWithdrawn;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every v1 event type: its CloudEvents {@code type}, its topic and its payload class. Each type has a JSON Schema
 * at {@code schemas/<type>.json} on the classpath.
 */
public enum EventType {
    PROJECT_REGISTERED("pipeline.project.registered.v1", Topics.PROJECT_EVENTS, ProjectRegistered.class),
    PROJECT_UPDATED("pipeline.project.updated.v1", Topics.PROJECT_EVENTS, ProjectUpdated.class),
    PROJECT_DECLARED("pipeline.project.declared.v1", Topics.PROJECT_EVENTS, ProjectDeclared.class),
    PROJECT_ADMITTED("pipeline.project.admitted.v1", Topics.PROJECT_EVENTS, ProjectAdmitted.class),
    PROJECT_STARTED("pipeline.project.started.v1", Topics.PROJECT_EVENTS, ProjectStarted.class),
    PROJECT_IN_PRODUCTION("pipeline.project.in-production.v1", Topics.PROJECT_EVENTS, ProjectInProduction.class),
    PROJECT_WITHDRAWN("pipeline.project.withdrawn.v1", Topics.PROJECT_EVENTS, ProjectWithdrawn.class),
    PROJECT_RETURNED_TO_RESERVE("pipeline.project.returned-to-reserve.v1", Topics.PROJECT_EVENTS,
            ProjectReturnedToReserve.class),
    INVESTMENT_REPORTED("pipeline.project.investment-reported.v1", Topics.PROJECT_EVENTS, InvestmentReported.class),
    PROBLEM_LOGGED("pipeline.project.problem-logged.v1", Topics.PROJECT_EVENTS, ProblemLogged.class),
    PROBLEM_RESOLVED("pipeline.project.problem-resolved.v1", Topics.PROJECT_EVENTS, ProblemResolved.class),
    PROJECT_ASSIGNED("pipeline.project.assigned.v1", Topics.PROJECT_EVENTS, ProjectAssigned.class),
    PLAN_SET("pipeline.project.plan-set.v1", Topics.PROJECT_EVENTS, PlanSet.class),
    INVESTMENT_OVERDUE("pipeline.project.investment-overdue.v1", Topics.PROJECT_EVENTS, InvestmentOverdue.class),
    CAMPAIGN_ENTRY_SET("pipeline.project.campaign-entry-set.v1", Topics.PROJECT_EVENTS, CampaignEntrySet.class),
    CAMPAIGN_ENTRY_REMOVED("pipeline.project.campaign-entry-removed.v1", Topics.PROJECT_EVENTS,
            CampaignEntryRemoved.class),
    MILESTONES_SET("pipeline.project.milestones-set.v1", Topics.PROJECT_EVENTS, MilestonesSet.class),
    MILESTONE_AT_RISK("pipeline.project.milestone-at-risk.v1", Topics.PROJECT_EVENTS, MilestoneAtRisk.class),
    MILESTONE_LATE("pipeline.project.milestone-late.v1", Topics.PROJECT_EVENTS, MilestoneLate.class),
    MATERIAL_ADDED("pipeline.project.material-added.v1", Topics.PROJECT_EVENTS, MaterialAdded.class),
    MATERIAL_REMOVED("pipeline.project.material-removed.v1", Topics.PROJECT_EVENTS, MaterialRemoved.class),

    CASE_OPENED("pipeline.approval.case-opened.v1", Topics.APPROVAL_EVENTS, CaseOpened.class),
    TASK_DECIDED("pipeline.approval.task-decided.v1", Topics.APPROVAL_EVENTS, TaskDecided.class),
    TASK_RETURNED("pipeline.approval.task-returned.v1", Topics.APPROVAL_EVENTS, TaskReturned.class),
    TASK_RESUBMITTED("pipeline.approval.task-resubmitted.v1", Topics.APPROVAL_EVENTS, TaskResubmitted.class),
    TASK_OVERDUE("pipeline.approval.task-overdue.v1", Topics.APPROVAL_EVENTS, TaskOverdue.class),
    CASE_APPROVED("pipeline.approval.case-approved.v1", Topics.APPROVAL_EVENTS, CaseApproved.class),
    CASE_REJECTED("pipeline.approval.case-rejected.v1", Topics.APPROVAL_EVENTS, CaseRejected.class);

    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    // toUnmodifiableMap throws on a duplicate key, so two types sharing one payload class fail at class init.
    private static final Map<Class<? extends EventPayload>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));

    private final String type;
    private final String topic;
    private final Class<? extends EventPayload> payloadClass;
    private final URI dataschema;

    EventType(String type, String topic, Class<? extends EventPayload> payloadClass) {
        this.type = type;
        this.topic = topic;
        this.payloadClass = payloadClass;
        this.dataschema = URI.create(EventCodec.SCHEMA_BASE_IRI + type + ".json");
    }

    /** CloudEvents {@code type}, e.g. {@code pipeline.project.declared.v1}. */
    public String type() {
        return type;
    }

    /** Kafka topic the event is published to. */
    public String topic() {
        return topic;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    /**
     * The CloudEvents {@code dataschema} of this type: the {@code $id} of its JSON Schema, e.g.
     * {@code https://schemas.pipeline.zz.cn/events/pipeline.project.declared.v1.json}.
     */
    public URI dataschema() {
        return dataschema;
    }

    /** Classpath location of this type's JSON Schema. */
    public String schemaResource() {
        return "schemas/" + type + ".json";
    }

    public static Optional<EventType> fromType(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    /**
     * The type whose payload class is exactly {@code payloadClass}.
     *
     * @throws IllegalArgumentException if no type uses that class
     */
    public static EventType of(Class<? extends EventPayload> payloadClass) {
        EventType found = payloadClass == null ? null : BY_CLASS.get(payloadClass);
        if (found == null) {
            throw new IllegalArgumentException("no event type for payload class " + payloadClass);
        }
        return found;
    }
}
