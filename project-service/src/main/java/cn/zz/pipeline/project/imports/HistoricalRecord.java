package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.project.Text;

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
 */
public record HistoricalRecord(Instant registeredAt, String code, LocalDate declaredOn, LocalDate admittedOn,
                               LocalDate startedOn, LocalDate productionOn, LocalDate withdrawnOn, UUID approvalCaseId,
                               List<Report> reports) {

    public HistoricalRecord {
        code = Text.code(code);
        reports = reports == null ? List.of() : reports;
    }

    /**
     * @param period {@code yyyy-MM}
     * @param amount 1-N月累计完成投资, 万元
     * @param reason required where a live report would need one (cumulative figures going down, more than the total)
     */
    public record Report(String period, BigDecimal amount, String reason) {

        public Report {
            period = Text.trim(period);
            reason = Text.trim(reason);
        }
    }
}
