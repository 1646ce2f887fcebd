package cn.zz.pipeline.reporting.ledger;

import cn.zz.pipeline.events.MaterialKind;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.materials.RequiredMaterials;
import cn.zz.pipeline.reporting.jdbc.Sql;
import cn.zz.pipeline.reporting.stats.Figures;
import io.quarkus.arc.Arc;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 入库管理台账: declared projects with the approvals they still lack (the open tasks of their approval case) and the
 * required 入库资料 they still lack ({@code pipeline.materials.required}, the list project-service's gate reads), and
 * admitted projects (入库 and later) with their monthly cumulative figures of the year, 1-2月 to 1-12月 (January
 * has no report of its own).
 */
public final class AdmissionLedger implements LedgerDefinition<AdmissionLedger.Selected, AdmissionLedger.Row> {

    private static final int FIRST_MONTH = Figures.FIRST_MONTH;
    private static final int LAST_MONTH = Figures.MONTHS - 1;

    static final List<Column> COLUMNS;

    static {
        List<Column> columns = new ArrayList<>(List.of(
                Column.text("项目代码", 26), Column.text("项目名称", 30), Column.text("所属区县", 12),
                Column.text("阶段", 8), Column.date("申报日期"), Column.date("入库日期"),
                Column.text("尚缺手续", 36), Column.text("尚缺资料", 24)));
        for (int m = FIRST_MONTH; m <= LAST_MONTH; m++) {
            columns.add(new Column("1-" + m + "月（万元）", Column.Format.AMOUNT, 13));
        }
        COLUMNS = List.copyOf(columns);
    }

    /** A reported cumulative figure: 1-{@code month}月 of the ledger's year, 万元. */
    @Schema(name = "AdmissionLedgerFigure", description = "本年 1-N月累计完成投资 (a cumulative figure of the year)")
    public record Figure(@Schema(required = true, description = "期间末月 (month)", minimum = "1", maximum = "12")
                         int month,
                         @Schema(required = true, description = "累计完成投资，万元 (amount, 万元)") BigDecimal amount) {
    }

    /**
     * @param missingApprovals declared projects: the departments whose tasks are still open, with the task state,
     *     e.g. 自然资源和规划局（待审批）; null otherwise
     * @param missingMaterials declared projects: the required kinds of 入库资料 without a file yet, in the configured
     *     order (empty when none is missing); null otherwise
     * @param figures the months of the year with a report, in month order
     */
    @Schema(name = "AdmissionLedgerRow", description = "入库管理台账的一行 (a row of the admission ledger)")
    public record Row(@Schema(required = true, description = "项目 ID (project id)") UUID projectId,
                      @Schema(required = true, description = "项目代码 (project code)") String code,
                      @Schema(required = true, description = "项目名称 (name)") String name,
                      @Schema(required = true, description = "区县代码 (district code)") String district,
                      @Schema(required = true, description = "区县名称 (district name)") String districtLabel,
                      @Schema(required = true, description = "阶段 (stage)") Stage stage,
                      @Schema(required = true, description = "阶段名称 (stage label)") String stageLabel,
                      @Schema(description = "申报日期；未申报为 null (declared on)") LocalDate declaredOn,
                      @Schema(description = "入库日期；未入库为 null (admitted on)") LocalDate admittedOn,
                      @Schema(description = "申报阶段：尚在办理的部门及状态，如 自然资源和规划局（待审批）；其他阶段为 null"
                              + " (declared projects: the departments still open)") String missingApprovals,
                      @Schema(description = "申报阶段：尚缺的必备入库资料种类；其他阶段为 null (declared projects: the"
                              + " required material kinds without a file)") List<MaterialKind> missingMaterials,
                      @Schema(required = true, description = "本年已填报的各月累计，按月 (the year's figures, by month)")
                      List<Figure> figures) implements LedgerRow {

        @Override
        public List<Object> cells() {
            List<Object> cells = new ArrayList<>(Arrays.asList(code, name, districtLabel, stageLabel, declaredOn,
                    admittedOn, missingApprovals, labels(missingMaterials)));
            BigDecimal[] byMonth = new BigDecimal[LAST_MONTH + 1];
            figures.forEach(f -> byMonth[f.month()] = f.amount());
            for (int m = FIRST_MONTH; m <= LAST_MONTH; m++) {
                cells.add(byMonth[m]);
            }
            return cells;
        }
    }

    /**
     * The columns {@link #select} reads; {@code figures} holds the year's cumulative figure of each month 2..12 in
     * that order (null where none was reported).
     */
    public record Selected(UUID projectId, String code, String name, String district, Stage stage,
                           LocalDate declaredOn, LocalDate admittedOn, String missing, String materials,
                           BigDecimal[] figures) {
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Sql select(LedgerFilter f) {
        StringBuilder months = new StringBuilder();
        for (int m = FIRST_MONTH; m <= LAST_MONTH; m++) {
            months.append(m == FIRST_MONTH ? "" : ", ").append("max(amount) filter (where month = ").append(m).append(')');
        }
        return Sql.of("select p.project_id, p.code, p.name, p.district, p.stage, p.declared_on, p.admitted_on,"
                        + " case when p.stage = 'DECLARED' then (select string_agg(t.department || ':' || t.state, ','"
                        + " order by t.department, t.item) from approval_task_view t where t.project_id = p.project_id"
                        + " and t.state in ('PENDING', 'RETURNED')) end as missing,"
                        + " case when p.stage = 'DECLARED' then coalesce((select string_agg(distinct m.kind, ',')"
                        + " from material_view m where m.project_id = p.project_id), '') end as materials, fig.figures"
                        + " from project_view p left join lateral (select array[" + months + "] as figures"
                        + " from investment_figure where project_id = p.project_id and year = ?) fig on true", f.year())
                .append(where(f))
                .append(" order by p.district, p.code, p.project_id");
    }

    @Override
    public Sql count(LedgerFilter f) {
        return Sql.of("select count(*) from project_view p").append(where(f));
    }

    private static Sql where(LedgerFilter f) {
        return Sql.of(" where p.stage in ('DECLARED', 'ADMITTED', 'STARTED', 'IN_PRODUCTION')")
                .inScope("p.district", f.region());
    }

    @Override
    public Class<Selected> selected() {
        return Selected.class;
    }

    @Override
    public Row row(Selected s, RowContext ctx) {
        List<Figure> figures = new ArrayList<>();
        for (int m = FIRST_MONTH; m <= LAST_MONTH; m++) {
            BigDecimal amount = s.figures() == null ? null : RowContext.plain(s.figures()[m - FIRST_MONTH]);
            if (amount != null) {
                figures.add(new Figure(m, amount));
            }
        }
        return new Row(s.projectId(), s.code(), s.name(), s.district(), ctx.district(s.district()), s.stage(),
                s.stage().label(), s.declaredOn(), s.admittedOn(), missing(s.missing(), ctx),
                missingMaterials(s.materials()), List.copyOf(figures));
    }

    /** "CONTRACT,OTHER" (the kinds a declared project holds; null for other stages) → the required ones it lacks. */
    private static List<MaterialKind> missingMaterials(String held) {
        if (held == null) {
            return null;
        }
        List<MaterialKind> present = held.isEmpty() ? List.of()
                : Arrays.stream(held.split(",")).map(MaterialKind::valueOf).toList();
        return Arc.container().instance(RequiredMaterials.class).get().missing(present);
    }

    /** 施工合同、现场照片 for the workbook; empty when nothing is missing, null when it does not apply. */
    private static String labels(List<MaterialKind> kinds) {
        return kinds == null || kinds.isEmpty() ? null
                : kinds.stream().map(MaterialKind::label).collect(Collectors.joining("、"));
    }

    /** "NR:PENDING,EE:RETURNED" → 自然资源和规划局（待审批）、生态环境局（补正中）. */
    private static String missing(String raw, RowContext ctx) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return Arrays.stream(raw.split(",")).map(pair -> {
            int colon = pair.lastIndexOf(':');
            return ctx.department(pair.substring(0, colon)) + "（" + Labels.taskState(pair.substring(colon + 1)) + "）";
        }).collect(Collectors.joining("、"));
    }
}
