package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.events.Decimals;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Problem;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.project.config.ImportConfig;
import cn.zz.pipeline.project.imports.ImportReport.RowViolation;
import cn.zz.pipeline.project.imports.PlanImportReport.Status;
import cn.zz.pipeline.project.imports.PlanReader.PlanRow;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectCode;
import cn.zz.pipeline.project.lifecycle.ProjectRepository;
import cn.zz.pipeline.project.plans.PlanRules;
import cn.zz.pipeline.project.plans.PlanService;
import cn.zz.pipeline.project.plans.SetPlan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Imports annual plans (年度计划投资) from an .xlsx sheet: each row sets one project's plan of one year through
 * {@link PlanService#set}, the same command as {@code PUT /api/projects/{id}/plans/{year}} (same rules, history,
 * version and {@code plan-set} event), as the caller.
 *
 * <p><b>Each row is all-or-nothing, the file is not:</b> every row is set in its own transaction; a row that breaks
 * any rule is REJECTED and leaves nothing, the others are set. Before a row reaches the service, what can be known
 * from the file alone is checked: unreadable cells (a number cell in 项目代码 among them), the project code's format,
 * the amount and reason ({@link PlanRules#check}), and the same project and year earlier in the file
 * ({@code duplicate-row}: the later row would silently replace the earlier; a row refused for its own cells claims
 * nothing). A dry run ({@code dryRun=true}) runs each row through the service in a transaction it always rolls back,
 * so it answers exactly what an import would.
 */
@ApplicationScoped
public class PlanImport {

    private static final Logger LOG = Logger.getLogger(PlanImport.class);

    @Inject
    PlanService plans;

    @Inject
    ProjectRepository projects;

    @Inject
    ImportConfig config;

    private PlanReader reader;

    @PostConstruct
    void init() {
        reader = new PlanReader(config.maxRows());
    }

    public long maxBytes() {
        return config.maxBytes();
    }

    /** The template (年度计划导入模板.xlsx), stating this deployment's limits. */
    public void writeTemplate(OutputStream out) throws IOException {
        PlanTemplate.write(out, config.maxRows(), config.maxBytes());
    }

    /** @param file the uploaded workbook (not deleted here) */
    public PlanImportReport run(Path file, CurrentUser user, boolean dryRun) throws IOException {
        long started = System.nanoTime();
        XlsxUpload.check(file, config.maxBytes(), config.maxInflatedBytes());
        PlanReader.Parsed parsed;
        try {
            parsed = reader.read(file);
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "unreadable plan sheet");
            throw XlsxUpload.damaged("无法读取该 Excel 工作簿，文件可能已损坏 (the workbook cannot be read)");
        }
        Map<String, Integer> firstRow = new HashMap<>();
        List<PlanImportReport.Row> rows = new ArrayList<>(parsed.rows().size());
        for (PlanRow r : parsed.rows()) {
            rows.add(row(r, parsed, firstRow, user, dryRun));
        }
        int imported = count(rows, Status.IMPORTED);
        int unchanged = count(rows, Status.UNCHANGED);
        int rejected = count(rows, Status.REJECTED);
        LOG.infof("plan import by %s%s: %d rows, %d set, %d unchanged, %d rejected in %d ms", user.name(),
                dryRun ? " (dry run)" : "", rows.size(), imported, unchanged, rejected,
                (System.nanoTime() - started) / 1_000_000);
        return new PlanImportReport(dryRun, rows.size(), rows.size() - rejected, imported, unchanged, rejected,
                parsed.ignoredColumns(), rows);
    }

    private PlanImportReport.Row row(PlanRow r, PlanReader.Parsed parsed, Map<String, Integer> firstRow,
                                     CurrentUser user, boolean dryRun) {
        List<RowViolation> v = new ArrayList<>(r.violations());
        for (PlanColumn c : PlanColumn.values()) {
            if (c.required() && value(r, c) == null && !reported(v, c)) {
                v.add(violation(new Violation(c.field(), "required", "「" + parsed.header(c) + "」必填", null, null),
                        parsed, r.row()));
            }
        }
        if (r.code() != null) {
            ProjectCode.check("code", r.code()).ifPresent(x -> v.add(violation(x, parsed, r.row())));
        }
        SetPlan command = new SetPlan(r.amount(), r.reason());
        for (Violation x : PlanRules.check(command)) {
            if (!reported(v, PlanColumn.byField(x.field()))) {
                v.add(violation(x, parsed, r.row()));
            }
        }
        if (v.isEmpty()) { // a row refused for its own cells claims nothing: a later row may still set the plan
            Integer earlier = firstRow.putIfAbsent(r.code() + "/" + r.year(), r.row());
            if (earlier != null) {
                v.add(violation(new Violation("code", "duplicate-row", "与第 " + earlier + " 行重复（项目代码和年度相同）",
                        r.code(), earlier), parsed, r.row()));
            }
        }
        if (!v.isEmpty()) {
            return rejected(r, v);
        }
        try {
            PlanService.Outcome o = dryRun ? rolledBack(() -> set(r, command, user))
                    : QuarkusTransaction.requiringNew().call(() -> set(r, command, user));
            Status status = !o.changed() ? Status.UNCHANGED : dryRun ? Status.VALID : Status.IMPORTED;
            return new PlanImportReport.Row(r.row(), status, o.project().id(), r.code(), r.year(),
                    Decimals.canonical(o.plan().amount()), Decimals.canonical(o.previous()), null);
        } catch (RuntimeException e) {
            return rejected(r, refusal(e, parsed, r.row()));
        }
    }

    private PlanService.Outcome set(PlanRow r, SetPlan command, CurrentUser user) {
        Project p = projects.byCode(r.code());
        return plans.set(p.id(), r.year(), command, null, user);
    }

    /** A dry run's row: the same command in a transaction that is always rolled back. */
    private static PlanService.Outcome rolledBack(Supplier<PlanService.Outcome> command) {
        QuarkusTransaction.begin();
        try {
            return command.get();
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /** Whether a violation already names the column (an unreadable cell is not also "required"). */
    private static boolean reported(List<RowViolation> v, PlanColumn c) {
        return v.stream().anyMatch(x -> c.field().equals(x.field()));
    }

    private static Object value(PlanRow r, PlanColumn c) {
        return switch (c) {
            case CODE -> r.code();
            case YEAR -> r.year();
            case AMOUNT -> r.amount();
            case REASON -> r.reason();
        };
    }

    private static PlanImportReport.Row rejected(PlanRow r, List<RowViolation> v) {
        return new PlanImportReport.Row(r.row(), Status.REJECTED, null, r.code(), r.year(),
                Decimals.canonical(r.amount()), null, v);
    }

    /** The service's refusal as the row's violations, each naming its column. */
    private static List<RowViolation> refusal(RuntimeException e, PlanReader.Parsed parsed, int row) {
        ApiException api = null;
        for (Throwable t = e; t != null && api == null; t = t.getCause()) {
            api = t instanceof ApiException a ? a : null;
        }
        if (api == null) {
            LOG.warnf(e, "plan import: row %d could not be saved", row);
            return List.of(violation(new Violation("code", "save-failed",
                    "保存失败，本行未写入任何数据（可能有人同时修改了该项目，请稍后重试）", null, null), parsed, row));
        }
        Problem p = api.toProblem(null);
        if (p.violations() != null && !p.violations().isEmpty()) {
            return p.violations().stream().map(x -> violation(x, parsed, row)).toList();
        }
        String slug = p.type().substring(p.type().lastIndexOf(':') + 1);
        Violation x = switch (p.status()) {
            case 403 -> new Violation("code", "forbidden-district", "无权修改该项目的计划（只能导入本区县项目的计划）", null,
                    null);
            case 404 -> new Violation("code", "unknown-project", "项目代码不存在 (no project has this code)", null, null);
            default -> new Violation("code", slug, p.detail(), null, null);
        };
        return List.of(violation(x, parsed, row));
    }

    private static RowViolation violation(Violation v, PlanReader.Parsed parsed, int row) {
        PlanColumn c = PlanColumn.byField(v.field());
        return new RowViolation(c.field(), parsed.header(c), parsed.cell(c, row), v.code(), v.message(), v.value(),
                v.limit());
    }

    private static int count(List<PlanImportReport.Row> rows, Status status) {
        return (int) rows.stream().filter(r -> r.status() == status).count();
    }
}
