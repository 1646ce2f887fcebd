package cn.zz.pipeline.reporting.campaigns;

import cn.zz.pipeline.events.CampaignList;
import cn.zz.pipeline.events.Stage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The 三个一批 campaign report (签约一批、开工一批、投产一批) within a district scope: per list, per district (ranked by
 * rate, each with its lists) and per project.
 */
@Schema(description = "三个一批 campaign report: per list, per district ranked by rate, and the projects")
public record CampaignReport(
        @Schema(required = true, description = "活动 id (campaign id)") UUID id,
        @Schema(required = true, description = "活动名称 (campaign name)", example = "2026年第四期三个一批") String name,
        @Schema(required = true, description = "截止日期：在此日（含）之前签约、开工或投产即为完成 (due date: done on or before it)",
                format = "date", example = "2026-12-31") LocalDate dueDate,
        @Schema(nullable = true, description = "统计范围：区县代码或全市前缀，空为全部 (the district scope answered; null:"
                + " every district)", example = "410106") String district,
        @Schema(required = true, description = "合计 (all lists, all districts of the scope)") Figures total,
        @Schema(required = true, description = "每批一行，依次为签约一批、开工一批、投产一批 (one row per list: SIGN, START, PRODUCE)")
        List<ListFigures> lists,
        @Schema(required = true, description = "各区县，按完成率从高到低排名 (districts ranked by rate)")
        List<DistrictFigures> districts,
        @Schema(required = true, description = "项目明细，按批次、区县、项目代码排序 (the projects, by list, district and code)")
        List<ProjectRow> projects) {

    /** Count, amount, done and rate of a group of entries. */
    @Schema(name = "CampaignFigures", description = "项目数、金额、已完成数与完成率 (count, amount, done, rate)")
    public record Figures(
            @Schema(required = true, description = "项目个数 (projects)") long count,
            @Schema(required = true, description = "金额（万元）：签约一批按签约金额（未填报的按总投资），开工、投产一批按总投资 (amount, 万元:"
                    + " the signed amount on the SIGN list where known, else the total investment)", example = "65000")
            BigDecimal amount,
            @Schema(required = true, description = "截止日期前已完成的项目个数 (projects done by the due date)") long done,
            @Schema(nullable = true, description = "完成率（%，一位小数）= 已完成 / 项目个数 × 100；无项目时为空 (percent,"
                    + " one decimal; null without projects)", example = "66.7") BigDecimal rate) {
    }

    /** One list (批) of the campaign. */
    @Schema(name = "CampaignListFigures", description = "一批的汇总 (one list)")
    public record ListFigures(
            @Schema(required = true, description = "批次 (list)") CampaignList list,
            @Schema(required = true, description = "批次名称 (label)", example = "签约一批") String label,
            @Schema(required = true, description = "判断完成所依据的日期 (the date that decides done)", example = "签约日期")
            String dateLabel,
            @Schema(required = true, description = "项目个数 (projects)") long count,
            @Schema(required = true, description = "金额（万元） (amount, 万元)", example = "65000") BigDecimal amount,
            @Schema(required = true, description = "签约一批中按签约金额计的项目个数，其余按总投资 (projects counted with their signed"
                    + " amount; the others with their total investment)") long signedAmountKnown,
            @Schema(required = true, description = "已完成 (done)") long done,
            @Schema(nullable = true, description = "完成率（%，一位小数），无项目时为空 (percent; null without projects)")
            BigDecimal rate) {
    }

    /** A district's figures, over all lists and per list, with its rank by rate. */
    @Schema(name = "CampaignDistrictFigures", description = "区县的汇总与排名 (a district's figures and rank)")
    public record DistrictFigures(
            @Schema(required = true, description = "区县代码 (district code)", example = "410106") String district,
            @Schema(required = true, description = "区县名称 (district name)", example = "上街区") String label,
            @Schema(required = true, description = "名次：完成率高者在前，完成率相同名次相同 (rank by rate, ties share a rank)") int rank,
            @Schema(required = true, description = "项目个数 (projects)") long count,
            @Schema(required = true, description = "金额（万元） (amount, 万元)") BigDecimal amount,
            @Schema(required = true, description = "已完成 (done)") long done,
            @Schema(required = true, description = "完成率（%，一位小数） (percent, one decimal)") BigDecimal rate,
            @Schema(required = true, description = "分批：签约、开工、投产一批 (per list)") List<ListFigures> lists) {
    }

    /** A project on a list, with its state and the date that decides it. */
    @Schema(name = "CampaignProjectRow", description = "活动中的项目 (a project on a list)")
    public record ProjectRow(
            @Schema(required = true, description = "项目 id") UUID projectId,
            @Schema(required = true, description = "项目代码 (project code)", example = "2026-410106-01-01-000059")
            String code,
            @Schema(required = true, description = "项目名称 (name)") String name,
            @Schema(required = true, description = "区县代码 (district code)") String district,
            @Schema(required = true, description = "区县名称 (district name)") String districtLabel,
            @Schema(required = true, description = "批次 (list)") CampaignList list,
            @Schema(required = true, description = "批次名称 (list label)", example = "开工一批") String listLabel,
            @Schema(required = true, description = "项目所处阶段 (stage)") Stage stage,
            @Schema(required = true, description = "阶段名称 (stage label)", example = "开工") String stageLabel,
            @Schema(required = true, description = "截止日期前已完成 (done by the due date)") boolean done,
            @Schema(nullable = true, description = "判断完成所依据的日期：签约、开工或投产日期；尚未发生为空 (the date"
                    + " that decides done; null until it happened)", format = "date") LocalDate date,
            @Schema(required = true, description = "该日期的名称 (what the date is)", example = "开工日期") String dateLabel,
            @Schema(required = true, description = "计入的金额（万元） (the amount it counts with, 万元)") BigDecimal amount,
            @Schema(required = true, description = "金额口径：SIGNED 签约金额，TOTAL_INVESTMENT 总投资 (amount basis)")
            CampaignRules.AmountBasis amountBasis) {
    }
}
