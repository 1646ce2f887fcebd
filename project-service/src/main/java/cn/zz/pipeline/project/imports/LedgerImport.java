package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Problem;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.project.config.ImportConfig;
import cn.zz.pipeline.project.imports.ImportReport.RowViolation;
import cn.zz.pipeline.project.imports.ImportReport.Status;
import cn.zz.pipeline.project.imports.LedgerReader.ParsedRow;
import cn.zz.pipeline.project.lifecycle.BulkRegistration;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectFacts;
import cn.zz.pipeline.project.lifecycle.ProjectRepository;
import cn.zz.pipeline.project.lifecycle.ProjectService;
import cn.zz.pipeline.project.milestones.ImportedPlan;
import cn.zz.pipeline.project.milestones.MilestoneService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Imports a project ledger (.xlsx): every data row becomes a registration, exactly as {@code POST /api/projects}
 * would make it (same rules, same code allocation, same history and {@code registered} event); a row with a target
 * start (目标开工日期) also gets its milestone plan, as {@code PUT .../milestones} would generate it, with the nodes
 * whose dates it gives (立项、拿地、施工许可) completed, in the row's transaction ({@link LedgerMilestones}).
 *
 * <p><b>Transaction semantics: each row is all-or-nothing, the file is not.</b>
 * <ol>
 *   <li>Read and check every row first, writing nothing: cells that cannot be read, the registration rules
 *   ({@link ProjectService#check}), the caller's district (staff write only in their own; admin anywhere), and
 *   duplicates (the same 项目名称 + 统一社会信用代码 earlier in the file, or already registered and not withdrawn).
 *   A row with any problem is REJECTED and never written.</li>
 *   <li>Register the valid rows in chunks ({@code project.import.chunk-size}, default 250) of one transaction each,
 *   the database work of a chunk batched ({@link BulkRegistration}), which keeps 5,000 rows to seconds. If
 *   anything fails inside a chunk (e.g. a database error, the serials of
 *   a region running out), that chunk is rolled back as a whole and its rows are registered again one transaction
 *   per row: the row that fails is REJECTED with nothing left behind, the others are IMPORTED.</li>
 * </ol>
 * So a rejected row leaves no project, history row, serial or outbox event; rows already imported stay imported
 * when a later row fails. A dry run ({@code dryRun=true}) stops after step 1 and reports VALID rows.
 */
@ApplicationScoped
public class LedgerImport {

    private static final Logger LOG = Logger.getLogger(LedgerImport.class);

    @Inject
    ProjectService registration;

    @Inject
    BulkRegistration bulk;

    @Inject
    ProjectRepository projects;

    @Inject
    ImportConfig config;

    @Inject
    MilestoneService milestones;

    /** District code → Chinese name, in code order: the reader's names, the template's list. */
    static final Map<String, String> DISTRICTS = District.all().stream()
            .collect(Collectors.toMap(District::code, District::name, (a, b) -> a, LinkedHashMap::new));

    private LedgerReader reader;

    @PostConstruct
    void init() {
        reader = new LedgerReader(DISTRICTS, config.maxRows());
    }

    public long maxBytes() {
        return config.maxBytes();
    }

    /** The template (项目台账导入模板.xlsx), stating this deployment's limits. */
    public void writeTemplate(OutputStream out) throws IOException {
        LedgerTemplate.write(out, DISTRICTS, config.maxRows(), config.maxBytes());
    }

    /** A valid row waiting for registration. */
    private record Candidate(int row, ProjectFacts facts, ImportedPlan plan) {
    }

    /** What a registered row became. */
    private record Registered(UUID id, String code) {
    }

    /**
     * @param file the uploaded workbook (not deleted here)
     * @param actor user name recorded as who registered the projects
     * @param mayWrite whether the caller may register projects in a (configured) district
     */
    public ImportReport run(Path file, String actor, Predicate<String> mayWrite, boolean dryRun) throws IOException {
        long started = System.nanoTime();
        XlsxUpload.check(file, config.maxBytes(), config.maxInflatedBytes());
        LedgerReader.Parsed parsed;
        try {
            parsed = reader.read(file);
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // a zip that holds something else than a readable workbook, a malformed sheet …
            LOG.debugf(e, "unreadable ledger");
            throw XlsxUpload.damaged("无法读取该 Excel 工作簿，文件可能已损坏 (the workbook cannot be read)");
        }
        long read = System.nanoTime();

        Map<Integer, List<RowViolation>> rejected = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        validate(parsed, mayWrite, rejected, candidates);
        long validated = System.nanoTime();

        Map<Integer, Registered> registeredIds = new HashMap<>();
        if (!dryRun) {
            register(candidates, actor, registeredIds, rejected);
        }
        long finished = System.nanoTime();

        List<ImportReport.Row> rows = new ArrayList<>(parsed.rows().size());
        int ok = 0;
        for (ParsedRow r : parsed.rows()) {
            String name = r.facts().name() == null || r.facts().name().length() <= 200 ? r.facts().name()
                    : r.facts().name().substring(0, 200) + "…";
            List<RowViolation> v = rejected.get(r.row());
            if (v != null) {
                rows.add(new ImportReport.Row(r.row(), Status.REJECTED, null, null, name, v));
            } else if (dryRun) {
                rows.add(new ImportReport.Row(r.row(), Status.VALID, null, null, name, null));
            } else {
                Registered done = registeredIds.get(r.row());
                rows.add(new ImportReport.Row(r.row(), Status.IMPORTED, done.id(), done.code(), name, null));
                ok++;
            }
        }
        int rejectedCount = rejected.size();
        LOG.infof("ledger import by %s%s: %d rows, %d imported, %d rejected; read %d ms, checked %d ms,"
                        + " registered %d ms",
                actor, dryRun ? " (dry run)" : "", rows.size(), ok, rejectedCount, (read - started) / 1_000_000,
                (validated - read) / 1_000_000, (finished - validated) / 1_000_000);
        return new ImportReport(dryRun, rows.size(), candidates.size(), ok, rejectedCount, parsed.ignoredColumns(),
                rows);
    }

    /** Step 1: every check, nothing written. */
    private void validate(LedgerReader.Parsed parsed, Predicate<String> mayWrite,
                          Map<Integer, List<RowViolation>> rejected, List<Candidate> candidates) {
        Map<String, String> existing = alreadyRegistered(parsed.rows());
        Map<String, Integer> firstRow = new HashMap<>();
        Map<String, Boolean> allowed = new HashMap<>();
        for (ParsedRow r : parsed.rows()) {
            ProjectFacts c = r.facts();
            List<RowViolation> v = new ArrayList<>(r.violations());
            Set<String> unreadable = new HashSet<>();
            r.violations().forEach(x -> unreadable.add(x.field()));
            for (Violation x : registration.check(c)) {
                if (!unreadable.contains(x.field())) {
                    v.add(row(x.field(), x.code(), x.message(), x.value(), x.limit(), parsed, r.row()));
                }
            }
            if (!r.plan().empty()) {
                for (Violation x : milestones.check(r.plan(), c.projectType(), c.constructionType())) {
                    String field = LedgerMilestones.column(x.field()).map(LedgerColumn::field).orElse(x.field());
                    if (!unreadable.contains(field)) {
                        v.add(row(field, x.code(), x.message(), x.value(), x.limit(), parsed, r.row()));
                    }
                }
            }
            if (c.district() != null && District.known(c.district())
                    && !allowed.computeIfAbsent(c.district(), mayWrite::test)) {
                v.add(row("district", "forbidden-district", "无权在该区县登记项目（只能导入本区县的项目）",
                        c.district(), null, parsed, r.row()));
            }
            String key = ProjectRepository.registrationKey(c.name(), c.ownerCreditCode());
            if (key != null) {
                Integer earlier = firstRow.putIfAbsent(key, r.row());
                if (earlier != null) {
                    v.add(row("name", "duplicate-row", "与第 " + earlier + " 行重复（项目名称和统一社会信用代码相同）",
                            c.name(), earlier, parsed, r.row()));
                } else if (existing.containsKey(key)) {
                    v.add(row("name", "already-registered", "该项目已登记（项目名称和统一社会信用代码相同），项目代码 "
                            + existing.get(key), c.name(), existing.get(key), parsed, r.row()));
                }
            }
            if (v.isEmpty()) {
                candidates.add(new Candidate(r.row(), c, r.plan()));
            } else {
                rejected.put(r.row(), sorted(v));
            }
        }
    }

    /** name + credit code → project code, for projects of the file's owners that exist and are not withdrawn. */
    private Map<String, String> alreadyRegistered(List<ParsedRow> rows) {
        return projects.registeredByOwner(rows.stream().map(r -> r.facts().ownerCreditCode())
                .filter(s -> s != null && s.length() <= 18).distinct().toList());
    }

    /** Step 2: chunks of one transaction; a failing chunk is redone row by row. */
    private void register(List<Candidate> candidates, String actor, Map<Integer, Registered> ids,
                          Map<Integer, List<RowViolation>> rejected) {
        int chunkSize = config.chunkSize();
        for (int i = 0; i < candidates.size(); i += chunkSize) {
            List<Candidate> chunk = candidates.subList(i, Math.min(candidates.size(), i + chunkSize));
            try {
                ids.putAll(QuarkusTransaction.requiringNew().timeout(600).call(() -> registerChunk(chunk, actor)));
            } catch (RuntimeException chunkFailed) {
                LOG.warnf("ledger import: a chunk of %d rows failed (%s); registering its rows one by one",
                        chunk.size(), chunkFailed.toString());
                for (Candidate c : chunk) {
                    try {
                        ids.putAll(QuarkusTransaction.requiringNew().call(() -> registerOne(c, actor)));
                    } catch (RuntimeException rowFailed) {
                        rejected.put(c.row(), List.of(failure(rowFailed)));
                    }
                }
            }
        }
    }

    /** One transaction for the chunk, its database work batched (same result as registering row by row). */
    private Map<Integer, Registered> registerChunk(List<Candidate> chunk, String actor) {
        List<Project> registered = bulk.registerAll(chunk.stream().map(Candidate::facts).toList(), actor);
        Map<Integer, Registered> out = new HashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            Project p = registered.get(i);
            plan(p, chunk.get(i), actor);
            out.put(chunk.get(i).row(), new Registered(p.id(), p.code()));
        }
        projects.flush(); // the plans' history rows are still pending: written before the context is cleared
        projects.getEntityManager().clear(); // done with them: the next chunk starts with an empty context
        return out;
    }

    /** The fallback after a failed chunk: the service's own single registration. */
    private Map<Integer, Registered> registerOne(Candidate c, String actor) {
        Project p = registration.register(c.facts(), actor);
        plan(p, c, actor);
        return Map.of(c.row(), new Registered(p.id(), p.code()));
    }

    /** A row's milestone plan, generated in the registration's transaction: the row is imported whole or not. */
    private void plan(Project p, Candidate c, String actor) {
        if (!c.plan().empty()) {
            milestones.plan(p, c.plan(), actor);
        }
    }

    private static RowViolation failure(RuntimeException e) {
        ApiException api = apiException(e);
        if (api != null) {
            Problem p = api.toProblem(null);
            Violation first = p.violations() == null || p.violations().isEmpty() ? null : p.violations().get(0);
            return new RowViolation(first == null ? null : first.field(), null, null,
                    first == null ? slug(p.type()) : first.code(), "登记失败，本行未写入任何数据：" + p.detail(),
                    first == null ? null : first.value(), first == null ? null : first.limit());
        }
        LOG.errorf(e, "ledger import: a row failed at registration");
        return new RowViolation(null, null, null, "registration-failed",
                "登记失败，本行未写入任何数据（服务器错误，请稍后重试）", null, null);
    }

    private static ApiException apiException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException a) {
                return a;
            }
        }
        return null;
    }

    private static String slug(String type) {
        return type == null ? null : type.substring(type.lastIndexOf(':') + 1);
    }

    private static RowViolation row(String field, String code, String message, Object value, Object limit,
                                    LedgerReader.Parsed parsed, int rowNumber) {
        LedgerColumn col = LedgerColumn.byField(field).orElse(null);
        String column = col == null ? null : parsed.headers().getOrDefault(col, col.header());
        Integer index = col == null ? null : parsed.positions().get(col);
        return new RowViolation(field, column, index == null ? null : LedgerReader.cellRef(index, rowNumber), code,
                message, value, limit);
    }

    /** In column order, so the report reads like the row. */
    private static List<RowViolation> sorted(List<RowViolation> v) {
        List<RowViolation> out = new ArrayList<>(v);
        out.sort(Comparator.comparingInt(x -> x.field() == null ? Integer.MAX_VALUE
                : LedgerColumn.byField(x.field()).map(Enum::ordinal).orElse(Integer.MAX_VALUE - 1)));
        return out;
    }
}
