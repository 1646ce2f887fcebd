package cn.zz.pipeline.reporting.ledger;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.reporting.jdbc.Sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * 进展跟踪台账: every project that is not withdrawn, with its stage, planned and actual dates and completed
 * investment. 本年完成 = the year's latest cumulative figure (1-N月); 累计完成 = the sum over the years up to the
 * statistics year of each year's latest figure; 完成率 = 累计完成 / 总投资.
 */
public final class ProgressLedger implements LedgerDefinition<ProgressLedger.Selected, ProgressLedger.Row> {

    static final List<Column> COLUMNS = List.of(
            Column.text("项目代码", 26), Column.text("项目名称", 30), Column.text("建设单位", 28),
            Column.text("所属区县", 12), Column.text("园区", 20), Column.text("产业链", 12), Column.text("阶段", 8),
            Column.amount("总投资（万元）"), Column.date("计划开工"), Column.date("实际开工"), Column.date("计划投产"),
            Column.date("实际投产"), Column.amount("本年完成投资（万元）"), Column.amount("累计完成投资（万元）"),
            new Column("完成率", Column.Format.RATE, 10), Column.text("分包领导", 10), Column.text("专班", 24));

    /**
     * @param completionRate percent with one decimal (12.5 = 12.5%); null without figures or total investment
     */
    public record Row(UUID projectId, String code, String name, String ownerName, String district,
                      String districtLabel, String park, String chain, Stage stage, String stageLabel,
                      BigDecimal totalInvestment, LocalDate plannedStart, LocalDate startedOn,
                      LocalDate plannedProduction, LocalDate productionOn, BigDecimal yearCompleted,
                      BigDecimal cumulativeCompleted, BigDecimal completionRate, String leader, String taskForce)
            implements LedgerRow {

        @Override
        public List<Object> cells() {
            BigDecimal rate = completionRate == null ? null : completionRate.movePointLeft(2);
            return Arrays.asList(code, name, ownerName, districtLabel, park, chain, stageLabel, totalInvestment,
                    plannedStart, startedOn, plannedProduction, productionOn, yearCompleted, cumulativeCompleted,
                    rate, leader, taskForce);
        }
    }

    /** The columns {@link #select} reads. */
    public record Selected(UUID projectId, String code, String name, String ownerName, String district, String park,
                           String chain, Stage stage, BigDecimal totalInvestment, LocalDate plannedStart,
                           LocalDate startedOn, LocalDate plannedProduction, LocalDate productionOn, String leader,
                           String taskForce, BigDecimal yearCompleted, BigDecimal cumulative) {
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Sql select(LedgerFilter f) {
        return Sql.of("select p.project_id, p.code, p.name, p.owner_name, p.district, p.park, p.chain, p.stage,"
                        + " p.total_investment, p.planned_start, p.started_on, p.planned_production, p.production_on,"
                        + " p.leader, p.task_force,"
                        + " (select f.amount from investment_figure f where f.project_id = p.project_id"
                        + " and f.year = ? order by f.month desc limit 1) as year_completed,"
                        + " (select sum(l.amount) from (select distinct on (f.year) f.amount from investment_figure f"
                        + " where f.project_id = p.project_id and f.year <= ? order by f.year, f.month desc) l)"
                        + " as cumulative",
                        f.year(), f.year())
                .append(from(f))
                .append(" order by p.district, p.code, p.project_id");
    }

    @Override
    public Sql count(LedgerFilter f) {
        return Sql.of("select count(*)").append(from(f));
    }

    private static Sql from(LedgerFilter f) {
        return Sql.of(" from project_view p where p.stage <> 'WITHDRAWN'").inScope("p.district", f.region());
    }

    @Override
    public Class<Selected> selected() {
        return Selected.class;
    }

    @Override
    public Row row(Selected s, RowContext ctx) {
        BigDecimal total = RowContext.plain(s.totalInvestment());
        BigDecimal cumulative = RowContext.plain(s.cumulative());
        BigDecimal rate = cumulative == null || total == null || total.signum() == 0 ? null
                : cumulative.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP);
        return new Row(s.projectId(), s.code(), s.name(), s.ownerName(), s.district(), ctx.district(s.district()),
                s.park(), s.chain(), s.stage(), s.stage().label(), total, s.plannedStart(), s.startedOn(),
                s.plannedProduction(), s.productionOn(), RowContext.plain(s.yearCompleted()), cumulative, rate,
                s.leader(), s.taskForce());
    }
}
