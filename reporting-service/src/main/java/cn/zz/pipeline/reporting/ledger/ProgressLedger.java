package cn.zz.pipeline.reporting.ledger;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.time.MilestoneStatus;
import cn.zz.pipeline.platform.time.MilestoneStatus.Light;
import cn.zz.pipeline.reporting.jdbc.Sql;
import cn.zz.pipeline.reporting.plans.Completion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 进展跟踪台账: every project that is not withdrawn, with its stage, planned and actual dates and completed
 * investment. 本年完成 = the year's latest cumulative figure (1-N月); 累计完成 = the sum over the years up to the
 * statistics year of each year's latest figure; 完成率 = 累计完成 / 总投资. 本年计划 = the project's annual plan
 * (年度计划投资) of the year, whatever its stage; 计划完成率 = 本年完成 / 本年计划 ({@link Completion#rate}). 预警灯 and
 * 下一节点 come from the project's worst open milestone node (milestone_light), the light computed for the ledger's day.
 */
public final class ProgressLedger implements LedgerDefinition<ProgressLedger.Selected, ProgressLedger.Row> {

    static final List<Column> COLUMNS = List.of(
            Column.text("项目代码", 26), Column.text("项目名称", 30), Column.text("建设单位", 28),
            Column.text("所属区县", 12), Column.text("园区", 20), Column.text("产业链", 12), Column.text("阶段", 8),
            Column.amount("总投资（万元）"), Column.date("计划开工"), Column.date("实际开工"), Column.date("计划投产"),
            Column.date("实际投产"), Column.amount("本年计划投资（万元）"), Column.amount("本年完成投资（万元）"),
            new Column("计划完成率", Column.Format.RATE, 12), Column.amount("累计完成投资（万元）"),
            new Column("完成率", Column.Format.RATE, 10), Column.text("分包领导", 10), Column.text("专班", 24),
            Column.text("预警灯", 8), Column.text("下一节点", 14), Column.date("节点计划日期"));

    /** The xlsx's Chinese name of a light. */
    private static final Map<Light, String> LIGHT_LABELS = Map.of(Light.GREEN, "绿", Light.YELLOW, "黄", Light.RED, "红");

    /** The earliest open node of the project's milestone plan (倒排工期). */
    @Schema(description = "下一节点 The open milestone node with the earliest planned date")
    public record NextNode(
            @Schema(required = true, description = "节点代码 Node code", example = "LAND") String code,
            @Schema(required = true, description = "节点名称 Node name", example = "拿地") String name,
            @Schema(description = "计划日期 Planned date", format = "date") LocalDate planned) {
    }

    /**
     * @param plan the year's annual plan (万元); null without one
     * @param yearCompleted the year-to-date figure: the year's latest cumulative figure (万元)
     * @param planRate yearCompleted / plan, percent with one decimal; null without a plan
     * @param completionRate percent with one decimal (12.5 = 12.5%); null without figures or total investment
     */
    @Schema(name = "ProgressLedgerRow", description = "进展跟踪台账的一行 (a row of the progress ledger)")
    public record Row(@Schema(required = true, description = "项目 ID (project id)") UUID projectId,
                      @Schema(required = true, description = "项目代码 (project code)") String code,
                      @Schema(required = true, description = "项目名称 (name)") String name,
                      @Schema(description = "建设单位 (owner)") String ownerName,
                      @Schema(required = true, description = "区县代码 (district code)", examples = "410106")
                      String district,
                      @Schema(required = true, description = "区县名称 (district name)", examples = "上街区")
                      String districtLabel,
                      @Schema(description = "园区；未入园区为 null (park)") String park,
                      @Schema(description = "产业链；无为 null (industrial chain)") String chain,
                      @Schema(required = true, description = "阶段 (stage)") Stage stage,
                      @Schema(required = true, description = "阶段名称 (stage label)", examples = "开工")
                      String stageLabel,
                      @Schema(description = "总投资，万元 (total investment, 万元)") BigDecimal totalInvestment,
                      @Schema(description = "计划开工日期 (planned start)") LocalDate plannedStart,
                      @Schema(description = "实际开工日期；未开工为 null (started on)") LocalDate startedOn,
                      @Schema(description = "计划投产日期 (planned production)") LocalDate plannedProduction,
                      @Schema(description = "实际投产日期；未投产为 null (in production on)") LocalDate productionOn,
                      @Schema(nullable = true, description = "本年计划投资（年度计划），万元；未报计划时为 null"
                              + " (the year's annual plan, 万元)")
                      BigDecimal plan,
                      @Schema(nullable = true, description = "本年完成投资（本年 1-N月累计），万元"
                              + " (the year-to-date figure, 万元)")
                      BigDecimal yearCompleted,
                      @Schema(nullable = true, description = "计划完成率，% 一位小数 = 本年完成 / 本年计划 × 100；无计划时为"
                              + " null (yearCompleted / plan, percent)")
                      BigDecimal planRate,
                      @Schema(description = "累计完成投资（各年最新累计之和），万元；无填报为 null (cumulative completed"
                              + " investment, 万元)")
                      BigDecimal cumulativeCompleted,
                      @Schema(description = "完成率，% 一位小数 = 累计完成 / 总投资 × 100；无填报或无总投资为 null"
                              + " (cumulative / total investment, percent)")
                      BigDecimal completionRate,
                      @Schema(description = "分包领导；未指定为 null (assigned leader)") String leader,
                      @Schema(description = "专班；未指定为 null (task force)") String taskForce,
                      @Schema(description = "预警灯 GREEN/YELLOW/RED The"
                              + " milestone plan's light on the ledger's day (its worst open node); null without a"
                              + " plan")
                      Light light,
                      @Schema(description = "下一节点 The earliest open node; null without a plan or"
                              + " when every node is done")
                      NextNode nextNode)
            implements LedgerRow {

        @Override
        public List<Object> cells() {
            return Arrays.asList(code, name, ownerName, districtLabel, park, chain, stageLabel, totalInvestment,
                    plannedStart, startedOn, plannedProduction, productionOn, plan, yearCompleted, fraction(planRate),
                    cumulativeCompleted, fraction(completionRate), leader, taskForce,
                    light == null ? null : LIGHT_LABELS.get(light), nextNode == null ? null : nextNode.name(),
                    nextNode == null ? null : nextNode.planned());
        }

        /** A percentage as the fraction a 0.0% cell shows (12.5 → 0.125). */
        private static BigDecimal fraction(BigDecimal percent) {
            return percent == null ? null : percent.movePointLeft(2);
        }
    }

    /** The columns {@link #select} reads. */
    public record Selected(UUID projectId, String code, String name, String ownerName, String district, String park,
                           String chain, Stage stage, BigDecimal totalInvestment, LocalDate plannedStart,
                           LocalDate startedOn, LocalDate plannedProduction, LocalDate productionOn, String leader,
                           String taskForce, BigDecimal plan, BigDecimal yearCompleted, BigDecimal cumulative,
                           boolean hasPlan, String node, String nodeName, LocalDate nodePlanned) {
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
                        + " (select pl.amount from project_plan pl where pl.project_id = p.project_id"
                        + " and pl.year = ?) as plan,"
                        + " (select f.amount from investment_figure f where f.project_id = p.project_id"
                        + " and f.year = ? order by f.month desc limit 1) as year_completed,"
                        + " (select sum(l.amount) from (select distinct on (f.year) f.amount from investment_figure f"
                        + " where f.project_id = p.project_id and f.year <= ? order by f.year, f.month desc) l)"
                        + " as cumulative, ml.project_id is not null as has_plan, ml.node, ml.node_name,"
                        + " ml.planned as node_planned",
                        f.year(), f.year(), f.year())
                .append(fromWithPlans(f))
                .append(" order by p.district, p.code, p.project_id");
    }

    @Override
    public Sql count(LedgerFilter f) {
        return Sql.of("select count(*)").append(from(f));
    }

    private static Sql from(LedgerFilter f) {
        return Sql.of(" from project_view p where p.stage <> 'WITHDRAWN'").inScope("p.district", f.region());
    }

    /** project_view with each project's worst open milestone node (V9__warnings.sql); the count needs no join. */
    private static Sql fromWithPlans(LedgerFilter f) {
        return Sql.of(" from project_view p left join milestone_light ml on ml.project_id = p.project_id"
                + " where p.stage <> 'WITHDRAWN'").inScope("p.district", f.region());
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
        BigDecimal plan = RowContext.plain(s.plan());
        BigDecimal year = RowContext.plain(s.yearCompleted());
        return new Row(s.projectId(), s.code(), s.name(), s.ownerName(), s.district(), ctx.district(s.district()),
                s.park(), s.chain(), s.stage(), s.stage().label(), total, s.plannedStart(), s.startedOn(),
                s.plannedProduction(), s.productionOn(), plan, year,
                Completion.rate(year == null ? BigDecimal.ZERO : year, plan), cumulative, rate, s.leader(),
                s.taskForce(), light(s, ctx), s.node() == null ? null
                        : new NextNode(s.node(), s.nodeName(), s.nodePlanned()));
    }

    /** The platform's rule on the worst open node: the plan's light; GREEN when every node is done. */
    private static Light light(Selected s, RowContext ctx) {
        if (!s.hasPlan()) {
            return null;
        }
        return s.nodePlanned() == null ? Light.GREEN : MilestoneStatus.light(
                List.of(MilestoneStatus.of(s.nodePlanned(), null, ctx.today(), ctx.atRiskDays())));
    }
}
