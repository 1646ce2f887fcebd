package cn.zz.pipeline.approval.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one source of "now" and "today" in the configured zone: statutory clocks count Beijing dates, not UTC ones.
 * Tests replace this bean to move the clock.
 */
@ApplicationScoped
public class Today {

    private final ZoneId zone;

    @Inject
    public Today(ApprovalConfig config) {
        this.zone = ZoneId.of(config.zone());
    }

    public Instant now() {
        return Instant.now();
    }

    public LocalDate date() {
        return LocalDate.now(zone);
    }

    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
