package cn.zz.pipeline.reporting.plans;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.IfMatch;
import cn.zz.pipeline.reporting.jdbc.Db;
import cn.zz.pipeline.reporting.jdbc.Sql;
import cn.zz.pipeline.reporting.stats.ReportCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * District targets (目标任务, district_target): the year's fixed-asset investment a district, or the whole city, is
 * to reach, set by admin. Versioned like the restated bases: every change names the version it replaces in its where
 * clause, so of two concurrent writers the second changes nothing and is told so (409).
 */
@ApplicationScoped
public class Targets {

    private static final String WHAT = "目标任务";

    @Inject
    Db db;

    @Inject
    ReportCache reports;

    @Inject
    Today today;

    /** A district's (or the city's, 4101) target of a year, as admin set it. */
    @Schema(description = "区县（或全市 4101）年度固定资产投资目标任务 (a district's or the city's target of a year)")
    public record Target(
            @Schema(required = true, description = "区县代码，全市为 4101 (district code, 4101 = the city)",
                    examples = "410106")
            String district,
            @Schema(required = true, description = "区县名称 (district name)", examples = "上街区")
            String districtLabel,
            @Schema(required = true, description = "年度 (year)", examples = "2026")
            int year,
            @Schema(required = true, description = "目标任务，万元 (target, 万元)", examples = "300000")
            BigDecimal amount,
            @Schema(description = "说明 (reason), 可空", nullable = true)
            String reason,
            @Schema(required = true, description = "设置人 (set by)")
            String setBy,
            @Schema(required = true, description = "设置时间 (set at)", format = "date-time")
            Instant setAt,
            @Schema(required = true, description = "版本，即 ETag (version = the ETag)", examples = "1")
            int version) {
    }

    record Stored(String district, int year, BigDecimal amount, String reason, String setBy, Instant setAt,
                  int version) {

        Target view() {
            return new Target(district, Completion.regionLabel(district), year, amount.stripTrailingZeros(), reason,
                    setBy, setAt, version);
        }
    }

    record Version(int version) {
    }

    record Amount(String district, BigDecimal amount) {
    }

    /** The targets of {@code year} within {@code scope} (the city's own, 4101, within a city-wide scope). */
    public List<Target> list(int year, String scope) {
        return db.list(Stored.class, select().append(" where year = ?", year).inScope("district", scope)
                .append(" order by district")).stream().map(Stored::view).toList();
    }

    public Optional<Target> get(String region, int year) {
        return db.first(Stored.class, select().append(" where").append(is(region, year))).map(Stored::view);
    }

    /** Region code → target of {@code year}, for the reports: every district within {@code scope} and the city. */
    public Map<String, BigDecimal> amounts(int year, String scope) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Amount a : db.list(Amount.class, Sql.of("select district, amount from district_target where year = ?",
                year).inScope("district", scope))) {
            out.put(a.district(), a.amount());
        }
        return out;
    }

    /**
     * Sets a target by {@code by}: the first version needs no If-Match (or {@code *}), a later one the current
     * version's. 409 when another writer came first; the reports forget their figures once this commits.
     */
    @Transactional
    public Target set(String region, int year, String ifMatch, BigDecimal amount, String reason, String by) {
        reports.changedOnCommit();
        Instant at = today.now();
        Optional<Integer> current = version(region, year);
        int next;
        if (current.isEmpty()) {
            if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
                throw ApiException.conflict("stale", "该目标任务尚未设置或已被删除，请重新读取 (no such target to match)");
            }
            next = 1;
            if (db.update(Sql.of("insert into district_target (district, year, amount, reason, set_by, set_at,"
                    + " version) values (?, ?, ?, ?, ?, ?, 1) on conflict do nothing", region, year, amount, reason, by,
                    utc(at))) == 0) {
                throw ApiException.conflict("stale", "同时有人设置了该目标任务，请重新读取 (set concurrently; read it again)");
            }
        } else {
            IfMatch.check(ifMatch, current.get(), true, WHAT);
            next = current.get() + 1;
            if (db.update(Sql.of("update district_target set amount = ?, reason = ?, set_by = ?, set_at = ?,"
                    + " version = ? where", amount, reason, by, utc(at), next).append(is(region, year))
                    .append(" and version = ?", current.get())) == 0) {
                throw changedMeanwhile();
            }
        }
        return new Target(region, Completion.regionLabel(region), year, amount, reason, by, at, next);
    }

    /** Removes a target (If-Match required): the reports show no target for it again. */
    @Transactional
    public void remove(String region, int year, String ifMatch) {
        reports.changedOnCommit();
        int version = version(region, year).orElseThrow(() -> ApiException.notFound(WHAT, region + "/" + year));
        IfMatch.check(ifMatch, version, true, WHAT);
        if (db.update(Sql.of("delete from district_target where").append(is(region, year))
                .append(" and version = ?", version)) == 0) {
            throw changedMeanwhile();
        }
    }

    private Optional<Integer> version(String region, int year) {
        return db.first(Version.class, Sql.of("select version from district_target where").append(is(region, year)))
                .map(Version::version);
    }

    private static Sql select() {
        return Sql.of("select district, year, amount, reason, set_by, set_at, version"
                + " from district_target");
    }

    private static ApiException changedMeanwhile() {
        return ApiException.conflict("stale", "该目标任务已被他人修改，请重新读取 (changed meanwhile; read it again)");
    }

    private static Sql is(String region, int year) {
        return Sql.of(" district = ? and year = ?", region, year);
    }

    private static Object utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
