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
 * 8 h. "Today" and "this month" are read off {@link #now}, so a clock that moves {@code now} moves every date.
 * Tests replace this bean with a {@link Fixed} clock standing on the day they need (QuarkusMock).
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
        return LocalDate.ofInstant(now(), zone);
    }

    public YearMonth month() {
        return YearMonth.from(date());
    }

    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** A clock standing on a chosen day: at 10:00 in the zone it starts, then runs on with real time. */
    public static Fixed standingOn(PipelineConfig config, LocalDate date) {
        return new Fixed(config, date);
    }

    /**
     * A clock standing on a chosen day (for tests, and any run that must see a given day): its time starts at 10:00 of
     * that day in the zone and runs on with real time, so that changes stay in order; {@link #set} moves it to another
     * day.
     */
    public static final class Fixed extends Today {

        /** The instant the clock was set to and the monotonic time it was set at, swapped together. */
        private record Anchor(Instant start, long nanos) {
        }

        private volatile Anchor anchor;

        private Fixed(PipelineConfig config, LocalDate date) {
            super(config);
            set(date);
        }

        public void set(LocalDate date) {
            anchor = new Anchor(date.atTime(10, 0).atZone(zone()).toInstant(), System.nanoTime());
        }

        @Override
        public Instant now() {
            Anchor a = anchor;
            return a.start().plusNanos(System.nanoTime() - a.nanos());
        }
    }
}
