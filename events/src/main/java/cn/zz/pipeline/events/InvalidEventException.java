package cn.zz.pipeline.events;

import java.util.List;

/** An event that cannot be accepted: malformed JSON, unknown type, schema violation or unbindable data. */
public class InvalidEventException extends Exception {

    private final String reason;
    private final List<String> violations;

    public InvalidEventException(String reason) {
        this(reason, List.of(reason), null);
    }

    public InvalidEventException(String reason, Throwable cause) {
        this(reason, List.of(reason), cause);
    }

    public InvalidEventException(String reason, List<String> violations, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    /** Short human-readable text, suitable as the DLQ reason header. */
    public String reason() {
        return reason;
    }

    /** Every individual problem found (the reason may abbreviate them). */
    public List<String> violations() {
        return violations;
    }
}
