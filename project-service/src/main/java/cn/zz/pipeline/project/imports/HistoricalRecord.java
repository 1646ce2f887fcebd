package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.project.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What {@code POST /api/admin/projects/historical} takes beside the project's facts: the body is one flat JSON
 * object with the fields of {@link ProjectFacts} plus these.
 *
 * @param registeredAt when the project was originally registered (the {@code registered} event's time)
 * @param code the project's existing code; null to allocate one for the registration year
 * @param declaredOn 申报 date; each stage date is optional, but a later stage needs every earlier one
 * @param admittedOn 入库 date; monthly reports need it
 * @param startedOn 开工 date
 * @param productionOn 投产 date
 * @param withdrawnOn 撤销 date: withdrawn from the last stage reached (not after 投产)
 * @param approvalCaseId the approval case that let the project in (入库); null: one is derived from the code, since
 *     the {@code admitted} event must name a case
 * @param reports monthly completed investment, cumulative 1-N月 (万元); periods at or after admission, January
 *     folded into February
 * @param plans annual plans (年度计划投资, 万元), at most one a year, under the rules of a live plan
 */
@Schema(description = "历史导入在项目信息之外的字段 the history beside the project's facts")
public record HistoricalRecord(
        @Schema(description = "原登记时间 when the project was registered", required = true, format = "date-time",
                example = "2024-01-10T10:30:00+08:00") Instant registeredAt,
        @Schema(description = "原项目代码；不填则按登记年份分配 the existing code, else one is allocated", nullable = true,
                example = "2024-410106-01-01-00017X") String code,
        @Schema(description = "申报日期 declared on", nullable = true, format = "date") LocalDate declaredOn,
        @Schema(description = "入库日期 admitted on; 有月报或入库后阶段时必填", nullable = true, format = "date")
        LocalDate admittedOn,
        @Schema(description = "开工日期 started on", nullable = true, format = "date") LocalDate startedOn,
        @Schema(description = "投产日期 in production on", nullable = true, format = "date") LocalDate productionOn,
        @Schema(description = "撤销日期 withdrawn on (not after 投产)", nullable = true, format = "date")
        LocalDate withdrawnOn,
        @Schema(description = "入库所依据的审批案件；不填则由项目代码派生 the approval case of the admission", nullable = true)
        UUID approvalCaseId,
        @Schema(description = "月报：1-N月累计完成投资（万元），入库月份起，1月并入1-2月 monthly reports", nullable = true)
        List<Report> reports,
        @Schema(description = "年度计划投资（万元），每年至多一个，规则同 PUT /api/projects/{id}/plans/{year}：大于 0、最多 4 位"
                + "小数、不超过 10000000 万元；年度在项目周期内且最多提前一年；已撤销的项目仅限撤销前的年度 annual plans",
                nullable = true) List<Plan> plans) {

    public HistoricalRecord {
        code = Text.code(code);
        reports = reports == null ? List.of() : reports;
        plans = plans == null ? List.of() : plans;
    }

    /**
     * @param period {@code yyyy-MM}
     * @param amount 1-N月累计完成投资, 万元
     * @param reason required where a live report would need one (cumulative figures going down, more than the total)
     */
    @Schema(name = "HistoricalReport", description = "一期月报 one monthly report")
    public record Report(
            @Schema(description = "期间 yyyy-MM (1-N月)", required = true, example = "2024-03") String period,
            @Schema(description = "1-N月累计完成投资（万元） cumulative completed investment", required = true,
                    format = "decimal", example = "1200") BigDecimal amount,
            @Schema(description = "原因：实时填报时需要原因的数字（累计下降、超过总投资）须填写", nullable = true)
            String reason) {

        public Report {
            period = Text.trim(period);
            reason = Text.trim(reason);
        }
    }

    /**
     * @param year calendar year of the plan
     * @param amount 年度计划投资, 万元
     */
    @Schema(name = "HistoricalPlan", description = "一个年度的年度计划投资 the annual plan of one year")
    public record Plan(
            @Schema(description = "年度 calendar year", required = true, example = "2025") Integer year,
            @Schema(description = "年度计划投资（万元） planned investment of the year", required = true,
                    format = "decimal", minimum = "0", exclusiveMinimum = true, maximum = "10000000",
                    example = "65000") BigDecimal amount) {
    }
}
