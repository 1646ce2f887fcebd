package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.platform.time.Today;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A clock the test moves day by day (installed with QuarkusMock for one test). */
class FixedToday extends Today {

    private volatile LocalDate date;

    FixedToday(PipelineConfig config, LocalDate date) {
        super(config);
        this.date = date;
    }

    void set(LocalDate date) {
        this.date = date;
    }

    @Override
    public LocalDate date() {
        return date;
    }

    @Override
    public Instant now() {
        return date.atTime(LocalTime.of(10, 0)).atZone(zone()).toInstant();
    }
}
