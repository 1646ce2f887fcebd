package cn.zz.pipeline.approval.calendar;

import cn.zz.pipeline.approval.config.ApprovalConfig;
import cn.zz.pipeline.platform.persistence.SqlValues;
import cn.zz.pipeline.platform.problem.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The working-day calendar of this service, stored in {@code calendar_year} and {@code calendar_day}.
 *
 * <p>{@link #current()} gives the calendar of all configured years from a cache: a save by this instance drops it
 * as soon as the save commits, and it is read again after {@code approval.calendar.cache-ttl} so that saves by other
 * instances arrive too.
 */
@ApplicationScoped
public class WorkCalendars {

    /** {@code expectedVersion} of a save that replaces whatever version is there ({@code If-Match: *}). */
    public static final long ANY_VERSION = -1;
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private static final Logger LOG = Logger.getLogger(WorkCalendars.class);
    /** Rows per insert statement (4 parameters each). */
    private static final int INSERT_CHUNK = 500;

    @Inject
    EntityManager em;

    @Inject
    ApprovalConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Bumped by every save; a snapshot loaded under an older generation is not used. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    private record Snapshot(WorkingCalendar calendar, long loadedAtNanos, long generation) {
    }

    /** The calendar of every configured year (others count Monday to Friday). */
    public WorkingCalendar current() {
        Snapshot s = snapshot;
        if (fresh(s)) {
            return s.calendar();
        }
        return reload();
    }

    /** Drops the cached calendar: the next {@link #current()} reads the tables again. */
    public void invalidate() {
        generation.incrementAndGet();
    }

    /** One year as stored; an unconfigured year answers version 0 and no days. */
    @Transactional
    public CalendarYearView year(int year) {
        // One statement, so that version and days come from the same snapshot of the tables.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select y.version, y.updated_at, y.updated_by, d.day, d.kind, d.name"
                        + " from calendar_year y left join calendar_day d on d.year = y.year"
                        + " where y.year = ?1 order by d.day")
                .setParameter(1, year).getResultList();
        if (rows.isEmpty()) {
            return CalendarYearView.unconfigured(year);
        }
        Map<LocalDate, String> holidays = new TreeMap<>();
        Map<LocalDate, String> workdays = new TreeMap<>();
        for (Object[] r : rows) {
            if (r[3] != null) {
                ("HOLIDAY".equals(r[4]) ? holidays : workdays).put(SqlValues.date(r[3]), (String) r[5]);
            }
        }
        Object[] first = rows.get(0);
        return CalendarYearView.of(new CalendarYear(year, holidays, workdays), true, ((Number) first[0]).longValue(),
                SqlValues.instant(first[1]), (String) first[2]);
    }

    /** The stored version of a year, 0 when it is not configured. */
    @Transactional
    public long version(int year) {
        List<?> rows = em.createNativeQuery("select version from calendar_year where year = ?1")
                .setParameter(1, year).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /**
     * Replaces the schedule of a year (all or nothing) and returns it with its new version.
     *
     * @param expectedVersion the version the caller read (0 for an unconfigured year), or {@link #ANY_VERSION}
     * @throws ApiException 409 when the year's version is not the expected one, or another save won the race
     * @throws IllegalArgumentException for a year outside 2000..2100 or inconsistent days (see {@link CalendarYear})
     */
    @Transactional
    public CalendarYearView save(int year, Map<LocalDate, String> holidays, Map<LocalDate, String> workdays,
                                 String actor, long expectedVersion) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        CalendarYear schedule = new CalendarYear(year, holidays, workdays);
        long current = version(year);
        if (expectedVersion != ANY_VERSION && expectedVersion != current) {
            throw stale(year, current, expectedVersion);
        }
        long next = current + 1;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        int written;
        if (current == 0) {
            // A concurrent creator holds the key: this insert waits for it, then does nothing.
            written = em.createNativeQuery("insert into calendar_year (year, version, updated_at, updated_by)"
                            + " values (?1, ?2, ?3, ?4) on conflict (year) do nothing")
                    .setParameter(1, year).setParameter(2, next).setParameter(3, now).setParameter(4, actor)
                    .executeUpdate();
        } else {
            // The version check in the UPDATE decides the race between two writers that both read `current`.
            written = em.createNativeQuery("update calendar_year set version = ?1, updated_at = ?2, updated_by = ?3"
                            + " where year = ?4 and version = ?5")
                    .setParameter(1, next).setParameter(2, now).setParameter(3, actor).setParameter(4, year)
                    .setParameter(5, current).executeUpdate();
        }
        if (written != 1) {
            throw stale(year, version(year), expectedVersion == ANY_VERSION ? current : expectedVersion);
        }
        em.createNativeQuery("delete from calendar_day where year = ?1").setParameter(1, year).executeUpdate();
        insertDays(year, "HOLIDAY", schedule.holidays());
        insertDays(year, "WORKDAY", schedule.workdays());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                invalidate(); // after the commit, so that a reload cannot read the old rows and keep them
            }
        });
        LOG.infof("working calendar %d saved as version %d by %s (%d holidays, %d workdays)", year, next, actor,
                schedule.holidays().size(), schedule.workdays().size());
        return CalendarYearView.of(schedule, true, next, now, actor);
    }

    private void insertDays(int year, String kind, Map<LocalDate, String> days) {
        List<Map.Entry<LocalDate, String>> all = new ArrayList<>(days.entrySet());
        for (int from = 0; from < all.size(); from += INSERT_CHUNK) {
            List<Map.Entry<LocalDate, String>> chunk = all.subList(from, Math.min(all.size(), from + INSERT_CHUNK));
            StringBuilder sql = new StringBuilder("insert into calendar_day (day, year, kind, name) values ");
            for (int i = 0; i < chunk.size(); i++) {
                int p = i * 4;
                sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2)
                        .append(", ?").append(p + 3).append(", ?").append(p + 4).append(')');
            }
            Query insert = em.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                int p = i * 4;
                insert.setParameter(p + 1, chunk.get(i).getKey()).setParameter(p + 2, year)
                        .setParameter(p + 3, kind).setParameter(p + 4, chunk.get(i).getValue());
            }
            insert.executeUpdate();
        }
    }

    private static ApiException stale(int year, long current, long expected) {
        return ApiException.conflict("stale-version", year + " 年工作日历已被修改：当前版本为 " + current + "，请求依据的版本为 "
                + expected + "，请重新读取后再提交 (stale version)");
    }

    private boolean fresh(Snapshot s) {
        return s != null && s.generation() == generation.get()
                && System.nanoTime() - s.loadedAtNanos() < config.calendar().cacheTtl().toNanos();
    }

    private synchronized WorkingCalendar reload() {
        Snapshot s = snapshot;
        if (fresh(s)) {
            return s.calendar(); // another thread loaded it meanwhile
        }
        long gen = generation.get(); // read before the tables: a save committing after this makes the load stale
        try {
            WorkingCalendar loaded = QuarkusTransaction.requiringNew().call(this::load);
            snapshot = new Snapshot(loaded, System.nanoTime(), gen);
            return loaded;
        } catch (RuntimeException e) {
            if (s == null) {
                throw e;
            }
            LOG.warn("working calendar could not be read; the previous one stays in use until the next attempt", e);
            snapshot = new Snapshot(s.calendar(), System.nanoTime(), gen);
            return s.calendar();
        }
    }

    private WorkingCalendar load() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select y.year, d.day, d.kind, d.name from calendar_year y"
                + " left join calendar_day d on d.year = y.year order by y.year, d.day").getResultList();
        Map<Integer, Map<LocalDate, String>> holidays = new TreeMap<>();
        Map<Integer, Map<LocalDate, String>> workdays = new TreeMap<>();
        for (Object[] r : rows) {
            int year = ((Number) r[0]).intValue();
            Map<LocalDate, String> off = holidays.computeIfAbsent(year, y -> new TreeMap<>());
            Map<LocalDate, String> on = workdays.computeIfAbsent(year, y -> new TreeMap<>());
            if (r[1] != null) {
                ("HOLIDAY".equals(r[2]) ? off : on).put(SqlValues.date(r[1]), (String) r[3]);
            }
        }
        List<CalendarYear> years = new ArrayList<>();
        for (Integer year : holidays.keySet()) {
            years.add(new CalendarYear(year, holidays.get(year), workdays.get(year)));
        }
        return WorkingCalendar.of(years);
    }
}
