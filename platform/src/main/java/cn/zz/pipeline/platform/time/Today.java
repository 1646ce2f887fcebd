package cn.zz.pipeline.platform.time;

import cn.zz.pipeline.platform.config.PipelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The one source of "now" and "today" of every service, in the configured zone ({@code pipeline.zone}): stage
 * dates, reporting periods and statutory clocks count Beijing dates, and a server in UTC must not shift them by
 * 8 h. Tests replace this bean to move the clock.
 */
@ApplicationScoped
public class Today {

    private final ZoneId zone;

    @Inject
    public Today(PipelineConfig config) {
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
