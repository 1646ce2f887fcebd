package cn.zz.pipeline.reporting.unreported;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.time.InvestmentDeadlines;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.reporting.jdbc.Db;
import cn.zz.pipeline.reporting.jdbc.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The 未报清单 and its counts per district ({@link InvestmentDeadlines} says who owes what by when). The list is worst
 * first: most days overdue, then project code. Days overdue are the same for every project of a district, so the
 * districts of the scope are taken in order of their days overdue, and those with equal days are merged by code;
 * the counts say which districts a page falls in, so only those are read.
 */
@ApplicationScoped
public class UnreportedReport {

    @Inject
    Db db;

    @Inject
    InvestmentDeadlines deadlines;

    /**
     * The period of the query parameters: January folds into 1-2月; by default the current period (the month of
     * {@code today}; in January 1-2月), and 1-12月 of a past year given without a month. A period that has not begun
     * is refused, naming the field.
     */
    public static YearMonth period(String rawYear, String rawMonth, LocalDate today) {
        YearMonth current = InvestmentDeadlines.periodOf(today);
        int year = Params.intParam("year", rawYear, current.getYear(), InvestmentDeadlines.EARLIEST.getYear(), 2100);
        if (year > current.getYear()) {
            throw ApiException.badRequest(new Violation("year", "out-of-range",
                    "年度不能晚于当前年度 " + current.getYear() + " (the year has not begun)", year, current.getYear()));
        }
        int month = Params.intParam("month", rawMonth, year < current.getYear() ? 12 : current.getMonthValue(), 1, 12);
        YearMonth period = InvestmentDeadlines.period(year, month);
        if (period.isAfter(current)) {
            throw ApiException.badRequest(new Violation("month", "out-of-range", "期间"
                    + InvestmentDeadlines.label(period) + "尚未开始，当前期间为" + InvestmentDeadlines.label(current)
                    + " (the period has not begun)", month, current.getMonthValue()));
        }
        return period;
    }

    /** One page of the projects of {@code scope} without a figure for {@code period}, as of {@code today}. */
    public UnreportedPage list(YearMonth period, String scope, LocalDate today, int page, int size) {
        List<String> districts = districts(scope);
        return db.read(s -> {
            Map<String, UnreportedQueries.DistrictCount> counts = new HashMap<>();
            UnreportedQueries.counts(s, scope, period).forEach(c -> counts.put(c.district(), c));
            // Days overdue → the districts with so many, worst first.
            TreeMap<Long, List<UnreportedQueries.DistrictCount>> groups = new TreeMap<>(Comparator.reverseOrder());
            long total = 0;
            for (String d : districts) {
                UnreportedQueries.DistrictCount c = counts.get(d);
                if (c != null && c.unreported() > 0) {
                    groups.computeIfAbsent(deadlines.daysOverdue(d, period, today), k -> new ArrayList<>()).add(c);
                    total += c.unreported();
                }
            }
            List<UnreportedItem> items = new ArrayList<>(size);
            long skip = (long) (page - 1) * size;
            for (List<UnreportedQueries.DistrictCount> group : groups.values()) {
                long inGroup = group.stream().mapToLong(UnreportedQueries.DistrictCount::unreported).sum();
                if (skip >= inGroup) {
                    skip -= inGroup;
                    continue;
                }
                int need = size - items.size();
                rows(s, group, period, skip, need).forEach(r -> items.add(item(r, period, today)));
                skip = 0;
                if (items.size() == size) {
                    break;
                }
            }
            LocalDate deadline = scope != null && District.known(scope) ? deadlines.deadline(scope, period) : null;
            return new UnreportedPage(period.getYear(), period.getMonthValue(), period.toString(),
                    InvestmentDeadlines.label(period), scope, deadline, today, items, total, page, size);
        });
    }

    /** Rows {@code skip} .. {@code skip + need} of the districts of one group merged in code order. */
    private static List<UnreportedQueries.Row> rows(Session s, List<UnreportedQueries.DistrictCount> group,
                                                    YearMonth period, long skip, int need) {
        if (group.size() == 1) {
            return UnreportedQueries.page(s, group.get(0), period, skip, need);
        }
        List<UnreportedQueries.Row> merged = new ArrayList<>();
        for (UnreportedQueries.DistrictCount c : group) {
            merged.addAll(UnreportedQueries.page(s, c, period, 0, Math.toIntExact(skip + need)));
        }
        merged.sort(Comparator.comparing(UnreportedQueries.Row::code).thenComparing(UnreportedQueries.Row::projectId));
        return merged.subList((int) Math.min(skip, merged.size()), (int) Math.min(skip + need, merged.size()));
    }

    private UnreportedItem item(UnreportedQueries.Row r, YearMonth period, LocalDate today) {
        long days = deadlines.daysOverdue(r.district(), period, today);
        return new UnreportedItem(r.projectId(), r.code(), r.name(), r.district(), District.label(r.district()),
                r.leader(), r.stage(), Stage.valueOf(r.stage()).label(), deadlines.deadline(r.district(), period),
                days > 0, days);
    }

    /** Every district of {@code scope} with its counts for {@code period} as of {@code today}. */
    public UnreportedSummary summary(YearMonth period, String scope, LocalDate today) {
        Map<String, UnreportedQueries.DistrictCount> counts = db.read(s -> UnreportedQueries.counts(s, scope, period))
                .stream().collect(Collectors.toMap(UnreportedQueries.DistrictCount::district, c -> c));
        List<UnreportedSummary.Row> rows = new ArrayList<>();
        long owing = 0;
        long unreported = 0;
        long overdue = 0;
        for (String d : districts(scope)) {
            UnreportedQueries.DistrictCount c = counts.get(d);
            long days = deadlines.daysOverdue(d, period, today);
            long o = c == null ? 0 : c.owing();
            long u = c == null ? 0 : c.unreported();
            long late = days > 0 ? u : 0;
            rows.add(new UnreportedSummary.Row(d, District.label(d), deadlines.deadline(d, period), days, o, u, late));
            owing += o;
            unreported += u;
            overdue += late;
        }
        return new UnreportedSummary(period.getYear(), period.getMonthValue(), period.toString(),
                InvestmentDeadlines.label(period), today, rows,
                new UnreportedSummary.Totals(owing, unreported, overdue));
    }

    /** The districts of the table within {@code scope} (null: all; the "nothing" scope "-" matches none). */
    private static List<String> districts(String scope) {
        return District.all().stream().map(District::code).filter(c -> scope == null || c.startsWith(scope)).toList();
    }
}
