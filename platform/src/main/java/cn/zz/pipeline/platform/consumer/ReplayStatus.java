package cn.zz.pipeline.platform.consumer;

import java.time.Instant;

/**
 * Progress of a replay of a consumer's topics from the beginning.
 *
 * @param total records between the beginning and the end of the topics when the replay started
 * @param done records of that range read so far
 * @param eventsPerSecond average since the start
 */
public record ReplayStatus(String consumer, State state, Instant startedAt, Instant finishedAt, long total, long done,
                           double percent, double eventsPerSecond) {

    public enum State {
        REQUESTED, RUNNING, DONE, FAILED
    }
}
