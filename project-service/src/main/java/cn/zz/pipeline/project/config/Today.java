package cn.zz.pipeline.project.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** The one source of "now" and "today", in the configured zone (a server in UTC must not shift dates by 8 h). */
@ApplicationScoped
public class Today {

    private final ZoneId zone;

    @Inject
    public Today(ProjectConfig config) {
        this.zone = ZoneId.of(config.zone());
    }

    public Instant now() {
        return Instant.now();
    }

    public LocalDate date() {
        return LocalDate.now(zone);
    }

    public YearMonth month() {
        return YearMonth.now(zone);
    }

    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
