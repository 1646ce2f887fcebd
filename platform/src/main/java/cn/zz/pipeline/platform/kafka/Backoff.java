package cn.zz.pipeline.platform.kafka;

import java.time.Duration;

/** Exponential backoff with a cap, for loops that must retry until Kafka or the database is back. */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private long nextMillis;

    public Backoff(Duration initial, Duration max) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.nextMillis = initialMillis;
    }

    public Duration peek() {
        return Duration.ofMillis(nextMillis);
    }

    public void sleep() throws InterruptedException {
        Thread.sleep(nextMillis);
        nextMillis = Math.min(maxMillis, nextMillis * 2);
    }

    public void reset() {
        nextMillis = initialMillis;
    }
}
