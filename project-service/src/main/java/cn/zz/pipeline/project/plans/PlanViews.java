package cn.zz.pipeline.project.plans;

import cn.zz.pipeline.events.Decimals;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Annual plan views (年度计划投资, 万元): one year's plan with its history, and a project's plans. */
public final class PlanViews {

    private PlanViews() {
    }

    @Schema(name = "AnnualPlanRevision", description = "计划的一次设定或调整 one figure the plan took (the first setting included)")
    public record Revision(
            @Schema(required = true, description = "调整时间 when", format = "date-time") Instant at,
            @Schema(required = true, description = "操作人 who (user name)") String actor,
            @Schema(description = "调整前的年度计划（万元）；首次设定时为 null the figure replaced", nullable = true,
                    format = "decimal") BigDecimal oldAmount,
            @Schema(required = true, description = "调整后的年度计划（万元） the new figure", format = "decimal") BigDecimal newAmount,
            @Schema(description = "原因 why", nullable = true) String reason) {

        static Revision of(AnnualPlanRevision r) {
            return new Revision(r.at(), r.actor(), Decimals.canonical(r.oldAmount()),
                    Decimals.canonical(r.newAmount()), r.reason());
        }
    }

    @Schema(name = "AnnualPlan", description = "一个年度的年度计划投资 a project's annual plan of one year")
    public record Plan(
            @Schema(required = true, description = "年度 calendar year", example = "2026") int year,
            @Schema(required = true, description = "年度计划投资（万元） planned investment of the year", format = "decimal",
                    example = "65000") BigDecimal amount,
            @Schema(description = "当前数字的设定或调整原因 reason of the current figure", nullable = true)
            String reason,
            @Schema(required = true, description = "最后设定或调整时间 last change", format = "date-time") Instant updatedAt,
            @Schema(required = true, description = "最后设定或调整人 last changed by") String updatedBy,
            @Schema(required = true, description = "该年度计划的每一次设定与调整，时间先后 every figure, oldest first")
            List<Revision> history) {

        static Plan of(AnnualPlan p, List<AnnualPlanRevision> history) {
            return new Plan(p.year(), Decimals.canonical(p.amount()), p.reason(), p.updatedAt(), p.updatedBy(),
                    history.stream().map(Revision::of).toList());
        }
    }

    @Schema(name = "AnnualPlans", description = "项目的年度计划 a project's annual plans")
    public record Plans(
            @Schema(required = true, description = "项目 ID") UUID projectId,
            @Schema(required = true, description = "项目代码 project code", example = "2025-410106-01-01-000017") String code,
            @Schema(required = true, description = "各年度计划，按年度升序 by year") List<Plan> items) {

        static Plans of(PlanService.Plans p) {
            return new Plans(p.project().id(), p.project().code(), p.plans().stream()
                    .map(plan -> Plan.of(plan, p.history().getOrDefault(plan.id(), List.of()))).toList());
        }
    }
}
