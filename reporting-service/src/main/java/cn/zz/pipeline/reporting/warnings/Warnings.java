package cn.zz.pipeline.reporting.warnings;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.time.MilestoneConfig;
import cn.zz.pipeline.platform.time.MilestoneStatus.Light;
import cn.zz.pipeline.platform.web.PageView;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.reporting.jdbc.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The warning list (预警清单) and its counts per district. Lights follow the platform's rule
 * ({@link cn.zz.pipeline.platform.time.MilestoneStatus}) applied to each project's worst open node on the asked day,
 * with the same at-risk days as project-service ({@link MilestoneConfig}); nothing about the day is stored.
 */
@ApplicationScoped
public class Warnings {

    @Inject
    Db db;

    @Inject
    MilestoneConfig milestones;

    /** RED, YELLOW or absent (both); GREEN and anything else are refused naming {@code light}. */
    public static Light light(String raw) {
        Light light = Params.enumParam("light", raw, Light.class);
        if (light == Light.GREEN) {
            throw ApiException.badRequest(new Violation("light", "invalid-value",
                    "只能查询红灯或黄灯 (RED or YELLOW; green projects are not warnings)", raw,
                    List.of(Light.RED.name(), Light.YELLOW.name())));
        }
        return light;
    }

    /** One page of the projects of {@code scope} with the given light (null: both), worst first. */
    public WarningPage list(String scope, Light light, LocalDate today, int page, int size) {
        int days = milestones.atRiskDays();
        // RED: planned before today; YELLOW: today .. today + days; both: anything up to today + days.
        LocalDate from = light == Light.YELLOW ? today : null;
        LocalDate to = light == Light.RED ? today.minusDays(1) : today.plusDays(days);
        return db.read(s -> {
            List<WarningItem> items = WarningQueries.page(s, scope, from, to, (long) (page - 1) * size, size)
                    .stream().map(r -> item(r, today)).toList();
            PageView<WarningItem> view = PageView.of(items, page, size, () -> WarningQueries.count(s, scope, from, to));
            return new WarningPage(view.items(), view.total(), page, size, today, days);
        });
    }

    private static WarningItem item(WarningQueries.Row r, LocalDate today) {
        long late = Math.max(0, ChronoUnit.DAYS.between(r.planned(), today));
        return new WarningItem(r.projectId(), r.code(), r.name(), r.district(), District.label(r.district()),
                late > 0 ? Light.RED.name() : Light.YELLOW.name(), r.node(), r.nodeName(), r.planned(), late,
                r.leader());
    }

    /** Every district of {@code scope} with its projects by light as of {@code today}. */
    public WarningSummary summary(String scope, LocalDate today) {
        int days = milestones.atRiskDays();
        Map<String, WarningQueries.Count> counts = new HashMap<>();
        db.read(s -> WarningQueries.counts(s, scope, today, days)).forEach(c -> counts.put(c.district(), c));
        List<WarningSummary.Row> rows = new ArrayList<>();
        long red = 0;
        long yellow = 0;
        long planned = 0;
        for (District d : District.all()) {
            if (scope != null && !d.code().startsWith(scope)) {
                continue;
            }
            WarningQueries.Count c = counts.getOrDefault(d.code(), new WarningQueries.Count(d.code(), 0, 0, 0));
            rows.add(new WarningSummary.Row(d.code(), d.name(), c.red(), c.yellow(),
                    c.planned() - c.red() - c.yellow(), c.planned()));
            red += c.red();
            yellow += c.yellow();
            planned += c.planned();
        }
        return new WarningSummary(today, days, rows,
                new WarningSummary.Counts(red, yellow, planned - red - yellow, planned));
    }
}
