package cn.zz.pipeline.project.investment;

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

    public record Revision(BigDecimal amount, BigDecimal previousAmount, String reason, String actor, Instant at) {
        static Revision of(InvestmentRevision r) {
            return new Revision(Decimals.canonical(r.amount()), Decimals.canonical(r.previousAmount()), r.reason(),
                    r.actor(), r.at());
        }
    }

    /** One period; {@code revisions} (in the ledger only) oldest first, the first one being the original report. */
    public record Report(String period, int year, int month, BigDecimal amount, String reason, String reportedBy,
                         Instant reportedAt, @JsonInclude(JsonInclude.Include.NON_NULL) List<Revision> revisions) {
        public static Report of(InvestmentReport r, List<InvestmentRevision> revisions) {
            return new Report(r.period().toString(), r.year(), r.month(), Decimals.canonical(r.amount()), r.reason(),
                    r.reportedBy(), r.reportedAt(), revisions == null ? null
                            : revisions.stream().map(Revision::of).toList());
        }
    }

    /**
     * @param completed the project's completed investment so far (Σ over years of each year's latest figure)
     */
    public record Ledger(UUID projectId, String code, BigDecimal totalInvestment, BigDecimal completed,
                         List<Report> periods) {
        public static Ledger of(InvestmentService.Ledger l) {
            return new Ledger(l.project().id(), l.project().code(),
                    Decimals.canonical(l.project().facts().totalInvestment()),
                    Decimals.canonical(l.completed()), l.reports().stream()
                    .map(r -> Report.of(r, l.revisions().getOrDefault(r.id(), List.of()))).toList());
        }
    }
}
