package cn.zz.pipeline.project;

import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.time.Today;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusMock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;

/**
 * The service's clock standing on a chosen day, for the test that installs it (QuarkusMock: one test method). The
 * time of day starts at 10:00 Beijing and runs on with real time, so that changes stay in order.
 */
final class FixedToday extends Today {

    private final long started = System.nanoTime();
    private volatile LocalDate date;

    private FixedToday(PipelineConfig config, LocalDate date) {
        super(config);
        this.date = date;
    }

    /** Installs a clock standing on {@code date} as the service's {@link Today} for the running test. */
    static FixedToday install(LocalDate date) {
        FixedToday today = new FixedToday(Arc.container().instance(PipelineConfig.class).get(), date);
        QuarkusMock.installMockForType(today, Today.class);
        return today;
    }

    /** Moves the clock to another day. */
    void set(LocalDate date) {
        this.date = date;
    }

    @Override
    public LocalDate date() {
        return date;
    }

    @Override
    public YearMonth month() {
        return YearMonth.from(date);
    }

    @Override
    public Instant now() {
        return date.atTime(LocalTime.of(10, 0)).atZone(zone()).toInstant()
                .plus(Duration.ofNanos(System.nanoTime() - started));
    }
}
