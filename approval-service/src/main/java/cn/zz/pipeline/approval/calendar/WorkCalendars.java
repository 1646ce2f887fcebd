package cn.zz.pipeline.approval.calendar;

import cn.zz.pipeline.approval.config.ApprovalConfig;
import cn.zz.pipeline.platform.problem.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
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

    @Inject
    ConfiguredYearRepository years;

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
        return years.withDays(year)
                .map(y -> CalendarYearView.of(y.schedule(), true, y.version(), y.updatedAt(), y.updatedBy()))
                .orElseGet(() -> CalendarYearView.unconfigured(year));
    }

    /** The stored version of a year, 0 when it is not configured. */
    @Transactional
    public long version(int year) {
        return years.version(year);
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
        long current = years.version(year);
        if (expectedVersion != ANY_VERSION && expectedVersion != current) {
            throw stale(year, current, expectedVersion);
        }
        long next = current + 1;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        boolean written = current == 0 ? years.create(year, next, now, actor)
                : years.advance(year, current, next, now, actor);
        if (!written) {
            throw stale(year, years.version(year), expectedVersion == ANY_VERSION ? current : expectedVersion);
        }
        years.replaceDays(year, schedule.holidays(), schedule.workdays());
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
        return WorkingCalendar.of(years.allWithDays().stream().map(ConfiguredYear::schedule).toList());
    }
}
