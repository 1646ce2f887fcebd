package cn.zz.pipeline.reporting;

import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.time.Today;
import io.quarkus.test.junit.QuarkusMock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;

/**
 * The service's "today" fixed to a date of the test's choosing, so that what a test expects (overdue tasks, default
 * periods, file names) does not depend on the day it runs. Installed with {@link QuarkusMock} for one test: call
 * {@link #install} from a {@code @BeforeEach}.
 */
final class FixedToday extends Today {

    private final LocalDate date;

    private FixedToday(PipelineConfig config, LocalDate date) {
        super(config);
        this.date = date;
    }

    /** Makes {@code date} the service's today until the current test ends. */
    static void install(PipelineConfig config, LocalDate date) {
        QuarkusMock.installMockForType(new FixedToday(config, date), Today.class);
    }

    @Override
    public LocalDate date() {
        return date;
    }

    @Override
    public YearMonth month() {
        return YearMonth.from(date);
    }

    /** 10:00 of the fixed day in the service's zone, like {@link Feed#at}. */
    @Override
    public Instant now() {
        return date.atTime(LocalTime.of(10, 0)).atZone(zone()).toInstant();
    }
}
