package cn.zz.pipeline.approval.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.LocalDate;

/** A day of a configured year that differs from Monday to Friday: a holiday, or a make-up workday (调休上班). */
@Entity
@Immutable
@Table(name = "calendar_day")
public class CalendarDay {

    enum Kind {
        HOLIDAY, WORKDAY
    }

    @Id
    private LocalDate day;

    @Column(nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private String name;

    protected CalendarDay() {
    }

    public LocalDate day() {
        return day;
    }

    public boolean holiday() {
        return kind == Kind.HOLIDAY;
    }

    public String name() {
        return name;
    }
}
