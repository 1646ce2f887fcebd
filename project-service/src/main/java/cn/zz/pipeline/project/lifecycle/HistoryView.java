package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.Stage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One change: {@code actor} is the token's preferred_username ("system" for automatic changes), {@code action} the
 * event type's short name (registered, declared, investment-reported …), {@code version} the project's version
 * after it.
 */
@Schema(name = "HistoryView", description = "项目的一次变更 (one change of a project)")
public record HistoryView(
        @Schema(required = true, description = "变更后的项目版本 (the project's version after it)", example = "2")
        long version,
        @Schema(required = true, format = "date-time", description = "变更时间 (when)") Instant at,
        @Schema(required = true, description = "操作人；自动变更为 system (who: user name, or system)",
                example = "staff.shangjie") String actor,
        @Schema(required = true, description = "事件类型简称 (the event type's short name)", example = "registered")
        String action,
        @Schema(description = "变更前阶段（阶段变更时） (stage before a move)") Stage from,
        @Schema(description = "变更后阶段（阶段变更时） (stage after a move)") Stage to,
        @Schema(description = "原因 (reason)") String reason,
        @Schema(required = true, description = "修改的字段，无则为空 (changed fields, empty when none)")
        List<String> changedFields,
        @Schema(description = "事件的其他内容 (more of the event, by type)") Map<String, Object> detail) {

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
