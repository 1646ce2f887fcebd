package cn.zz.pipeline.approval.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A year whose schedule was saved (calendar_year), with its holidays and make-up workdays. Its version counts the
 * saves; a save replaces the year whole, in statements of {@link ConfiguredYearRepository}, so the entity is only read.
 */
@Entity
@Table(name = "calendar_year")
public class ConfiguredYear {

    @Id
    private int year;

    /** Not a JPA version: the save checks it in its own update statement (see {@link WorkCalendars#save}). */
    @Column(nullable = false)
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @OneToMany
    @JoinColumn(name = "year", insertable = false, updatable = false)
    private List<CalendarDay> days = new ArrayList<>();

    protected ConfiguredYear() {
    }

    /** The year's schedule as the calendar counts it. */
    public CalendarYear schedule() {
        Map<LocalDate, String> holidays = new HashMap<>();
        Map<LocalDate, String> workdays = new HashMap<>();
        for (CalendarDay d : days) {
            (d.holiday() ? holidays : workdays).put(d.day(), d.name());
        }
        return new CalendarYear(year, holidays, workdays);
    }

    public int year() {
        return year;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
