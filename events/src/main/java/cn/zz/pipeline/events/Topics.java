package cn.zz.pipeline.events;

/** Kafka topic names. Message key on both topics = project id, so one project's events stay in order. */
public final class Topics {

    public static final String PROJECT_EVENTS = "pipeline.project.events";
    public static final String APPROVAL_EVENTS = "pipeline.approval.events";

    private Topics() {
    }

    /** Dead-letter topic for poison messages of {@code topic}. */
    public static String dlq(String topic) {
        return topic + ".dlq";
    }
}
