package cn.zz.pipeline.reporting.stats;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.IfMatch;
import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.jdbc.Db;
import cn.zz.pipeline.reporting.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * 同口径 restated bases (restated_base): last year's comparable figure of a district and category for a period, set
 * by admin. Versioned: every change names the version it replaces in its where clause, so of two concurrent writers
 * the second changes nothing and is told so (0 rows).
 */
@ApplicationScoped
public class RestatedBases {

    private static final String WHAT = "同口径基数";

    @Inject
    Db db;

    @Inject
    ReportingConfig config;

    @Inject
    ReportCache reports;

    @Inject
    Today today;

    /** Which base: {@code period} is the period the figure describes (last year's 1-N月). */
    public record Key(String district, Category category, Period period) {
    }

    /** {@code period} is the period the figure describes (last year's 1-N月), {@code amount} in 万元. */
    @Schema(description = "同口径基数：上年同期的可比数 (a restated base: last year's comparable figure)")
    public record RestatedBase(
            @Schema(required = true, description = "区县代码 (district)", examples = "410106") String district,
            @Schema(required = true, description = "区县名称 (district name)", examples = "上街区") String districtLabel,
            @Schema(required = true, description = "统计类别 (category)") Category category,
            @Schema(required = true, description = "所描述的期间 yyyy-MM（上年 1-N月） (the period it describes)",
                    examples = "2025-06") String period,
            @Schema(required = true, description = "基数，万元 (amount, 万元)", examples = "254100") BigDecimal amount,
            @Schema(required = true, description = "调整原因 (reason)") String reason,
            @Schema(required = true, description = "设置人 (set by)") String setBy,
            @Schema(required = true, description = "设置时间 (set at)") Instant setAt,
            @Schema(required = true, description = "版本，即 ETag (version = the ETag)", examples = "1") int version) {
    }

    /** A restated base as the investment report uses it. */
    record Restated(String district, Category category, BigDecimal amount) {
    }

    record Stored(String district, Category category, int year, int month, BigDecimal amount, String reason,
                  String setBy, Instant setAt, int version) {
    }

    record Version(int version) {
    }

    /** The restated bases of a year (the year the figures describe) within {@code scope}. */
    public List<RestatedBase> list(int year, String scope) {
        return db.list(Stored.class, Sql.of("select district, category, year, month, amount, reason, set_by, set_at,"
                        + " version from restated_base where year = ?", year)
                .inScope("district", scope).append(" order by district, category, month"))
                .stream().map(r -> view(r.district(), r.category(), new Period(r.year(), r.month()), r.amount(),
                        r.reason(), r.setBy(), r.setAt(), r.version()))
                .toList();
    }

    /** The restated bases of one period within {@code scope}. */
    List<Restated> of(Period p, String scope) {
        return db.list(Restated.class, Sql.of("select district, category, amount from restated_base"
                + " where year = ? and month = ?", p.year(), p.month()).inScope("district", scope));
    }

    /**
     * Sets a restated base by {@code by}: the first version needs no If-Match (or {@code *}), a later one the current
     * version's. 409 when another writer came first; the reports forget their figures once this commits.
     */
    @Transactional
    public RestatedBase set(Key k, String ifMatch, BigDecimal amount, String reason, String by) {
        reports.changedOnCommit();
        Instant at = today.now();
        Optional<Integer> current = version(k);
        int next;
        if (current.isEmpty()) {
            if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
                throw ApiException.conflict("stale", "该同口径基数已不存在或尚未设置 (no such restated base to match)");
            }
            next = 1;
            if (db.update(Sql.of("insert into restated_base (district, category, year, month, amount, reason, set_by,"
                    + " set_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 1) on conflict do nothing", k.district(),
                    k.category().name(), k.period().year(), k.period().month(), amount, reason, by, utc(at))) == 0) {
                throw ApiException.conflict("stale", "同时有人设置了该基数，请重新读取 (set concurrently; read it again)");
            }
        } else {
            IfMatch.check(ifMatch, current.get(), true, WHAT);
            next = current.get() + 1;
            if (db.update(Sql.of("update restated_base set amount = ?, reason = ?, set_by = ?, set_at = ?, version = ?"
                    + " where", amount, reason, by, utc(at), next).append(is(k))
                    .append(" and version = ?", current.get())) == 0) {
                throw changedMeanwhile();
            }
        }
        return view(k.district(), k.category(), k.period(), amount, reason, by, at, next);
    }

    /** Removes a restated base (If-Match required): the summed base applies again. */
    @Transactional
    public void remove(Key k, String ifMatch) {
        reports.changedOnCommit();
        int version = version(k).orElseThrow(() -> ApiException.notFound(WHAT,
                k.district() + "/" + k.category() + "/" + k.period().code()));
        IfMatch.check(ifMatch, version, true, WHAT);
        if (db.update(Sql.of("delete from restated_base where").append(is(k)).append(" and version = ?", version)) == 0) {
            throw changedMeanwhile();
        }
    }

    private Optional<Integer> version(Key k) {
        return db.first(Version.class, Sql.of("select version from restated_base where").append(is(k)))
                .map(Version::version);
    }

    private static ApiException changedMeanwhile() {
        return ApiException.conflict("stale", "该基数已被他人修改，请重新读取 (changed meanwhile; read it again)");
    }

    private RestatedBase view(String district, Category category, Period period, BigDecimal amount, String reason,
                             String setBy, Instant setAt, int version) {
        return new RestatedBase(district, config.districtLabel(district), category, period.code(), amount, reason,
                setBy, setAt, version);
    }

    private static Sql is(Key k) {
        return Sql.of(" district = ? and category = ? and year = ? and month = ?", k.district(), k.category().name(),
                k.period().year(), k.period().month());
    }

    private static Object utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
