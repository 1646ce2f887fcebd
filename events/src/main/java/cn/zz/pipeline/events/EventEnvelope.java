package cn.zz.pipeline.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in JSON structured mode. Use {@link EventCodec} to write and read it: reading checks the
 * type's JSON Schema before binding.
 *
 * <p>Envelope 2 (issue 16): {@code sequence} is written as the CloudEvents sequence extension's string
 * ({@link Sequence}) and {@code dataschema} names the type's JSON Schema ({@link EventType#dataschema()}). Envelope 1
 * (an integer sequence, no dataschema) is still read.
 *
 * <p>Invariants checked on construction: every attribute present, {@code sequence >= 1}, {@code type} is the type
 * of {@code data}'s class, and {@code subject} is the project id of {@code data} (it is also the message key).
 *
 * @param source the producing service, e.g. {@code /project-service}
 * @param subject the project id as a UUID string, for every event including approval events
 * @param sequence the project's version after the change (per-project order; gaps are detectable)
 */
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema",
        "sequence", "data"})
@JsonDeserialize(using = EventEnvelopeDeserializer.class)
public record EventEnvelope(String specversion, UUID id, String source, String type, String subject, Instant time,
                            String datacontenttype, @JsonSerialize(using = Sequence.Writer.class) long sequence,
                            EventPayload data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(specversion, "specversion");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(datacontenttype, "datacontenttype");
        Objects.requireNonNull(data, "data");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1 but was " + sequence);
        }
        String expectedType = EventType.of(data.getClass()).type();
        if (!expectedType.equals(type)) {
            throw new IllegalArgumentException("type " + type + " does not match payload " + data.getClass().getSimpleName()
                    + " (" + expectedType + ")");
        }
        if (!subjectIsProject(subject, data.projectId())) {
            throw new IllegalArgumentException("subject " + subject + " is not the project id " + data.projectId()
                    + " of the payload");
        }
    }

    /**
     * A new event with a random id; {@code type} follows from the payload class.
     *
     * @param subject the project id (UUID string)
     * @param sequence the project's version after the change, >= 1
     */
    public static EventEnvelope create(String source, String subject, long sequence, Instant time, EventPayload data) {
        Objects.requireNonNull(data, "data");
        return new EventEnvelope(SPEC_VERSION, UUID.randomUUID(), source, EventType.of(data.getClass()).type(), subject,
                time, DATA_CONTENT_TYPE, sequence, data);
    }

    /** Follows from the type, so it is not a component: an envelope 1 event read gets it too. */
    @JsonProperty("dataschema")
    public URI dataschema() {
        return eventType().dataschema();
    }

    @JsonIgnore
    public EventType eventType() {
        return EventType.fromType(type).orElseThrow();
    }

    // Compared as UUIDs so that an upper-case subject from a foreign producer still matches.
    private static boolean subjectIsProject(String subject, UUID projectId) {
        if (projectId == null) {
            return false;
        }
        try {
            return UUID.fromString(subject).equals(projectId);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }
}
