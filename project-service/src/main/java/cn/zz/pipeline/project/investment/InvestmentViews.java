package cn.zz.pipeline.project.investment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.zz.pipeline.events.Decimals;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Investment report views; {@code amount} is the cumulative figure 1-N月 of the period's year, 万元. */
public final class InvestmentViews {

    private InvestmentViews() {
    }

    @Schema(name = "InvestmentRevision", description = "一期月报的一次填报或更正 (one figure the period took)")
    public record Revision(
            @Schema(required = true, description = "填报的累计数，万元 (the figure, 10,000 yuan)", example = "1200.5")
            BigDecimal amount,
            @Schema(description = "更正前的数，首次填报为 null，万元 (the figure replaced)") BigDecimal previousAmount,
            @Schema(description = "原因 (reason)") String reason,
            @Schema(required = true, description = "填报人 (who)") String actor,
            @Schema(required = true, format = "date-time", description = "时间 (when)") Instant at) {
        static Revision of(InvestmentRevision r) {
            return new Revision(Decimals.canonical(r.amount()), Decimals.canonical(r.previousAmount()), r.reason(),
                    r.actor(), r.at());
        }
    }

    /** One period; {@code revisions} (in the ledger only) oldest first, the first one being the original report. */
    @Schema(name = "InvestmentReport", description = "一期完成投资月报 (one period's report)")
    public record Report(
            @Schema(required = true, description = "期间 yyyy-MM (period)", example = "2026-11") String period,
            @Schema(required = true, description = "年 (year)", example = "2026") int year,
            @Schema(required = true, description = "月 (month)", minimum = "1", maximum = "12", example = "11")
            int month,
            @Schema(required = true, description = "1-N月累计完成投资，万元 (cumulative, 10,000 yuan)",
                    example = "1200.5") BigDecimal amount,
            @Schema(description = "当前数字的原因 (reason of the current figure)") String reason,
            @Schema(required = true, description = "最后填报人 (last reported by)") String reportedBy,
            @Schema(required = true, format = "date-time", description = "最后填报时间 (last reported at)")
            Instant reportedAt,
            @Schema(description = "填报与更正记录，时间先后；仅在台账中出现 (every figure, oldest first: in the ledger only)")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Revision> revisions) {
        public static Report of(InvestmentReport r, List<InvestmentRevision> revisions) {
            return new Report(r.period().toString(), r.year(), r.month(), Decimals.canonical(r.amount()), r.reason(),
                    r.reportedBy(), r.reportedAt(), revisions == null ? null
                            : revisions.stream().map(Revision::of).toList());
        }
    }

    /**
     * @param completed the project's completed investment so far (Σ over years of each year's latest figure)
     */
    @Schema(name = "InvestmentLedger", description = "项目的完成投资台账 (a project's investment ledger)")
    public record Ledger(
            @Schema(required = true, description = "项目 ID (project id)") UUID projectId,
            @Schema(required = true, description = "项目代码 (project code)") String code,
            @Schema(required = true, description = "总投资，万元 (total investment, 10,000 yuan)") BigDecimal totalInvestment,
            @Schema(required = true, description = "累计完成投资：各年最新累计数之和，万元 (completed so far, 10,000 yuan)")
            BigDecimal completed,
            @Schema(required = true, description = "各期月报，按期间升序 (the periods, oldest first)") List<Report> periods) {
        public static Ledger of(InvestmentService.Ledger l) {
            return new Ledger(l.project().id(), l.project().code(),
                    Decimals.canonical(l.project().facts().totalInvestment()),
                    Decimals.canonical(l.completed()), l.reports().stream()
                    .map(r -> Report.of(r, l.revisions().getOrDefault(r.id(), List.of()))).toList());
        }
    }
}
