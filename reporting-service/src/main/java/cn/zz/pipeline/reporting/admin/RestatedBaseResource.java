package cn.zz.pipeline.reporting.admin;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.platform.persistence.SqlValues;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.IfMatch;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.stats.ReportCache;
import cn.zz.pipeline.reporting.stats.Category;
import cn.zz.pipeline.reporting.stats.Figures;
import cn.zz.pipeline.reporting.web.Scope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * 同口径 restated bases: admin sets last year's comparable figure of a district and category for a period, and the
 * investment report uses it instead of the summed reports of that period. Versioned: changing or removing one
 * needs If-Match; of two concurrent writers one wins and the other gets 409.
 */
@Path("/api/admin/restated-bases")
@Produces(MediaType.APPLICATION_JSON)
public class RestatedBaseResource {

    private static final BigDecimal MAX = new BigDecimal("100000000000");

    @Inject
    EntityManager em;

    @Inject
    CurrentUser user;

    @Inject
    ReportingConfig config;

    @Inject
    ReportCache reports;

    @Inject
    Today today;

    public record RestatedBaseRequest(BigDecimal amount, String reason) {
    }

    /** {@code period} is the period the figure describes (last year's 1-N月), {@code amount} in 万元. */
    public record RestatedBase(String district, String districtLabel, Category category, String period,
                               BigDecimal amount, String reason, String setBy, Instant setAt, int version) {
    }

    @GET
    @RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Restated bases of a year (the year the figures describe) within the caller's scope")
    public List<RestatedBase> list(@QueryParam("year") String year, @QueryParam("district") String district) {
        int y = Params.intParam("year", year, today.date().getYear() - 1, 2000, 2100);
        String scope = Scope.district(user, district);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select district, category, year, month, amount, reason, set_by,"
                        + " set_at, version from restated_base where year = ?1 and district like ?2"
                        + " order by district, category, month")
                .setParameter(1, y).setParameter(2, Scope.like(scope)).getResultList();
        List<RestatedBase> out = new ArrayList<>();
        rows.forEach(r -> out.add(view(r)));
        return out;
    }

    @PUT
    @Path("/{district}/{category}/{period}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Set a restated base (万元); If-Match with the ETag when one exists already")
    public Response put(@PathParam("district") String district, @PathParam("category") String category,
                        @PathParam("period") String period, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        RestatedBaseRequest body) {
        reports.changedOnCommit();
        Key key = key(district, category, period);
        List<Violation> violations = new ArrayList<>();
        if (body == null) {
            throw ApiException.badRequest(Violation.of("body", "required", "请求体不能为空 (a JSON body is required)"));
        }
        if (body.amount() == null) {
            violations.add(Violation.of("amount", "required", "同口径基数（万元）必填 (amount is required)"));
        } else if (body.amount().signum() < 0 || body.amount().compareTo(MAX) > 0) {
            violations.add(new Violation("amount", "out-of-range", "基数应在 0 至 1000亿万元之间 (amount out of range)",
                    body.amount(), MAX));
        } else if (body.amount().scale() > 4) {
            violations.add(new Violation("amount", "scale", "金额最多4位小数 (at most 4 decimals)", body.amount(), 4));
        }
        String reason = body.reason() == null ? null : body.reason().strip();
        if (reason == null || reason.isEmpty()) {
            violations.add(Violation.of("reason", "required", "须说明调整口径的原因 (a reason is required)"));
        } else if (reason.length() > 500) {
            violations.add(new Violation("reason", "too-long", "原因不超过500字 (at most 500 characters)",
                    reason.length(), 500));
        }
        if (!violations.isEmpty()) {
            throw ApiException.badRequest("同口径基数无效 (invalid restated base)", violations);
        }
        Integer version = currentVersion(key);
        int next;
        if (version == null) {
            if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
                throw ApiException.conflict("stale", "该同口径基数已不存在或尚未设置 (no such restated base to match)");
            }
            next = 1;
            int inserted = em.createNativeQuery("insert into restated_base (district, category, year, month, amount,"
                            + " reason, set_by, set_at, version) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1)"
                            + " on conflict do nothing")
                    .setParameter(1, key.district).setParameter(2, key.category.name()).setParameter(3, key.year)
                    .setParameter(4, key.month).setParameter(5, body.amount()).setParameter(6, reason)
                    .setParameter(7, user.name()).setParameter(8, today.now()).executeUpdate();
            if (inserted == 0) {
                throw ApiException.conflict("stale", "同时有人设置了该基数，请重新读取 (set concurrently; read it again)");
            }
        } else {
            IfMatch.check(ifMatch, version, true, "同口径基数");
            next = version + 1;
            int updated = em.createNativeQuery("update restated_base set amount = ?1, reason = ?2, set_by = ?3,"
                            + " set_at = ?4, version = ?5 where district = ?6 and category = ?7 and year = ?8"
                            + " and month = ?9 and version = ?10")
                    .setParameter(1, body.amount()).setParameter(2, reason).setParameter(3, user.name())
                    .setParameter(4, today.now()).setParameter(5, next).setParameter(6, key.district)
                    .setParameter(7, key.category.name()).setParameter(8, key.year).setParameter(9, key.month)
                    .setParameter(10, version).executeUpdate();
            if (updated == 0) {
                throw ApiException.conflict("stale", "该基数已被他人修改，请重新读取 (changed meanwhile; read it again)");
            }
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw ApiException.conflict("stale", "同时有人设置了该基数，请重新读取 (set concurrently; read it again)");
        }
        RestatedBase saved = new RestatedBase(key.district, config.districtLabel(key.district), key.category,
                YearMonth.of(key.year, key.month).toString(), body.amount(), reason, user.name(), today.now(), next);
        return Response.ok(saved).tag(IfMatch.etag(next).replace("\"", "")).build();
    }

    @DELETE
    @Path("/{district}/{category}/{period}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Remove a restated base (If-Match required); the summed base applies again")
    public Response delete(@PathParam("district") String district, @PathParam("category") String category,
                           @PathParam("period") String period, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        reports.changedOnCommit();
        Key key = key(district, category, period);
        Integer version = currentVersion(key);
        if (version == null) {
            throw ApiException.notFound("同口径基数", key.district + "/" + key.category + "/" + period);
        }
        IfMatch.check(ifMatch, version, true, "同口径基数");
        int deleted = em.createNativeQuery("delete from restated_base where district = ?1 and category = ?2"
                        + " and year = ?3 and month = ?4 and version = ?5")
                .setParameter(1, key.district).setParameter(2, key.category.name()).setParameter(3, key.year)
                .setParameter(4, key.month).setParameter(5, version).executeUpdate();
        if (deleted == 0) {
            throw ApiException.conflict("stale", "该基数已被他人修改，请重新读取 (changed meanwhile; read it again)");
        }
        return Response.noContent().build();
    }

    private record Key(String district, Category category, int year, int month) {
    }

    private Key key(String district, String category, String period) {
        List<Violation> violations = new ArrayList<>();
        String d = district == null ? "" : district.trim();
        if (!District.known(d)) {
            violations.add(new Violation("district", "unknown-district",
                    "未知的区县代码 (not a district of the city)", d, null));
        }
        Category c = Params.enumParam("category", category == null ? null : category.trim().toUpperCase(), Category.class);
        YearMonth ym = Params.period("period", period);
        if (ym.getMonthValue() < Figures.FIRST_MONTH) {
            violations.add(new Violation("period", "january-folded",
                    "1月不单独统计，首个统计期为1-2月 (January is reported with February)", period, "yyyy-02"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.badRequest("同口径基数的键无效 (invalid district, category or period)", violations);
        }
        return new Key(d, c, ym.getYear(), ym.getMonthValue());
    }

    private Integer currentVersion(Key k) {
        @SuppressWarnings("unchecked")
        List<Object> v = em.createNativeQuery("select version from restated_base where district = ?1 and category = ?2"
                        + " and year = ?3 and month = ?4")
                .setParameter(1, k.district).setParameter(2, k.category.name()).setParameter(3, k.year)
                .setParameter(4, k.month).getResultList();
        return v.isEmpty() ? null : ((Number) v.get(0)).intValue();
    }

    private RestatedBase view(Object[] r) {
        String d = (String) r[0];
        return new RestatedBase(d, config.districtLabel(d), Category.valueOf((String) r[1]),
                YearMonth.of(((Number) r[2]).intValue(), ((Number) r[3]).intValue()).toString(), (BigDecimal) r[4],
                (String) r[5], (String) r[6], SqlValues.instant(r[7]), ((Number) r[8]).intValue());
    }
}
