package cn.zz.pipeline.approval.calendar;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stored working-day calendar (calendar_year and its calendar_day rows): reads, and whole-year saves. */
@ApplicationScoped
public class ConfiguredYearRepository implements PanacheRepositoryBase<ConfiguredYear, Integer> {

    /** Rows per insert statement (4 parameters each). */
    private static final int INSERT_CHUNK = 500;

    /** A year with its days, in one statement, so that version and days come from the same snapshot. */
    public Optional<ConfiguredYear> withDays(int year) {
        return find("from ConfiguredYear y left join fetch y.days where y.year = ?1", year).singleResultOptional();
    }

    /** Every configured year with its days, in one statement. */
    public List<ConfiguredYear> allWithDays() {
        return list("from ConfiguredYear y left join fetch y.days order by y.year");
    }

    /** The stored version of a year, 0 when it is not configured. */
    public long version(int year) {
        return find("select y.version from ConfiguredYear y where y.year = ?1", year).project(Long.class)
                .singleResultOptional().orElse(0L);
    }

    /**
     * Creates the year's row at {@code version}.
     *
     * @return false when the year exists (a concurrent creator holds the key: this waits for it, then writes nothing)
     */
    public boolean create(int year, long version, Instant at, String actor) {
        // Native: insert unless the key exists (on conflict do nothing), so the loser of a race gets 409 rather than
        // a constraint violation that would doom its transaction.
        return getEntityManager().createNativeQuery("insert into calendar_year (year, version, updated_at, updated_by)"
                        + " values (?1, ?2, ?3, ?4) on conflict (year) do nothing")
                .setParameter(1, year).setParameter(2, version).setParameter(3, at).setParameter(4, actor)
                .executeUpdate() == 1;
    }

    /**
     * Moves the year from version {@code from} to {@code to}.
     *
     * @return false when its version is no longer {@code from}: the check in the update decides a race between two
     *         writers that both read {@code from}
     */
    public boolean advance(int year, long from, long to, Instant at, String actor) {
        return update("update ConfiguredYear y set y.version = ?1, y.updatedAt = ?2, y.updatedBy = ?3"
                + " where y.year = ?4 and y.version = ?5", to, at, actor, year, from) == 1;
    }

    /** Replaces the year's days. */
    public void replaceDays(int year, Map<LocalDate, String> holidays, Map<LocalDate, String> workdays) {
        getEntityManager().createQuery("delete from CalendarDay d where d.year = ?1").setParameter(1, year)
                .executeUpdate();
        insertDays(year, CalendarDay.Kind.HOLIDAY, holidays);
        insertDays(year, CalendarDay.Kind.WORKDAY, workdays);
    }

    private void insertDays(int year, CalendarDay.Kind kind, Map<LocalDate, String> days) {
        // Native: a multi-row insert, one statement for up to 500 days instead of one per day.
        List<Map.Entry<LocalDate, String>> all = new ArrayList<>(days.entrySet());
        for (int from = 0; from < all.size(); from += INSERT_CHUNK) {
            List<Map.Entry<LocalDate, String>> chunk = all.subList(from, Math.min(all.size(), from + INSERT_CHUNK));
            StringBuilder sql = new StringBuilder("insert into calendar_day (day, year, kind, name) values ");
            for (int i = 0; i < chunk.size(); i++) {
                int p = i * 4;
                sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2)
                        .append(", ?").append(p + 3).append(", ?").append(p + 4).append(')');
            }
            Query insert = getEntityManager().createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                int p = i * 4;
                insert.setParameter(p + 1, chunk.get(i).getKey()).setParameter(p + 2, year)
                        .setParameter(p + 3, kind.name()).setParameter(p + 4, chunk.get(i).getValue());
            }
            insert.executeUpdate();
        }
    }
}
