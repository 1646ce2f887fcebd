package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.Stage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change of a project as {@link ChangeLog} records it: the project (already changed), the event that tells
 * it, who and when, and for the history the stage move, the reason, the fields it changed and small particulars.
 * Reads as a sentence: {@code Change.of(p, event).by(actor).at(now).moving(from, to).because(reason)
 * .changing("stage").with(detail)}.
 *
 * @param actor the user; null for the system (a change nobody made by hand)
 * @param from the stage before a move, else null
 * @param to the stage after a move (also 储备 of a registration), else null
 * @param detail particulars for the history (small values), may be null
 */
public record Change(Project project, EventPayload event, String actor, Instant at, Stage from, Stage to,
                     String reason, List<String> changedFields, Map<String, Object> detail) {

    public Change {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(event, "event");
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    /** A change told by {@code event}; by the system until {@link #by} names someone; {@link #at} is required. */
    public static Change of(Project project, EventPayload event) {
        return new Change(project, event, null, null, null, null, null, List.of(), null);
    }

    public Change by(String actor) {
        return new Change(project, event, actor, at, from, to, reason, changedFields, detail);
    }

    public Change at(Instant at) {
        return new Change(project, event, actor, at, from, to, reason, changedFields, detail);
    }

    public Change moving(Stage from, Stage to) {
        return new Change(project, event, actor, at, from, to, reason, changedFields, detail);
    }

    public Change because(String reason) {
        return new Change(project, event, actor, at, from, to, reason, changedFields, detail);
    }

    public Change changing(List<String> fields) {
        return new Change(project, event, actor, at, from, to, reason, fields, detail);
    }

    public Change changing(String... fields) {
        return changing(List.of(fields));
    }

    public Change with(Map<String, Object> detail) {
        return new Change(project, event, actor, at, from, to, reason, changedFields, detail);
    }
}
