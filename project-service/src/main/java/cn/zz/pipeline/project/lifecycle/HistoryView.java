package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.Stage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One change: {@code actor} is the token's preferred_username ("system" for automatic changes), {@code action} the
 * event type's short name (registered, declared, investment-reported …), {@code version} the project's version
 * after it.
 */
public record HistoryView(long version, Instant at, String actor, String action, Stage from, Stage to, String reason,
                          List<String> changedFields, Map<String, Object> detail) {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    public static HistoryView of(ProjectHistory h) {
        return new HistoryView(h.version(), h.at(), h.actor(), h.action(), h.fromStage(), h.toStage(), h.reason(),
                h.changedFields(), detail(h.detail()));
    }

    private static Map<String, Object> detail(String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventCodec.mapper().readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history detail is not JSON", e);
        }
    }
}
