package cn.zz.pipeline.events;

import com.ethlo.time.ITU;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;

/**
 * Binds {@code data} to the payload class named by the sibling {@code type} attribute. Does no schema validation:
 * {@link EventCodec#read(String)} validates first, then binds its tree through {@link #fromTree} without copying it.
 */
final class EventEnvelopeDeserializer extends StdDeserializer<EventEnvelope> {

    /** Binds one JSON value to a class. */
    interface Binder {
        <T> T bind(JsonNode value, Class<T> type) throws IOException;
    }

    /** The producers' source attributes, one copy each (a few services; a stream of odd ones is not remembered). */
    private static final Canonical SOURCES = new Canonical(64);

    EventEnvelopeDeserializer() {
        super(EventEnvelope.class);
    }

    @Override
    public EventEnvelope deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        try {
            return fromTree(node, ctxt::readTreeAsValue);
        } catch (JsonMappingException e) {
            throw JsonMappingException.from(p, e.getOriginalMessage(), e.getCause());
        }
    }

    /** The envelope of a parsed event; mismatches are reported as {@link JsonMappingException}s. */
    static EventEnvelope fromTree(JsonNode node, Binder binder) throws IOException {
        if (!node.isObject()) {
            throw mismatch("event must be a JSON object", null);
        }
        String type = node.path("type").textValue();
        EventType eventType = EventType.fromType(type).orElse(null);
        if (eventType == null) {
            throw mismatch("unknown type " + type, null);
        }
        long sequence;
        try {
            sequence = Sequence.parse(node.get("sequence"));
        } catch (IllegalArgumentException e) {
            throw mismatch(e.getMessage(), e);
        }
        // Missing in envelope 1; when present it must name the schema the event is checked against.
        JsonNode dataschema = node.get("dataschema");
        if (dataschema != null && !eventType.dataschema().toString().equals(dataschema.textValue())) {
            throw mismatch("dataschema " + dataschema + " is not " + eventType.dataschema() + " of type " + type, null);
        }
        EventPayload data = value(binder, node, "data", eventType.payloadClass());
        try {
            // The repeated attributes as shared constants: a consumer behind holds tens of thousands of events at once.
            return new EventEnvelope(
                    constant(node.path("specversion").textValue(), EventEnvelope.SPEC_VERSION),
                    value(binder, node, "id", UUID.class),
                    SOURCES.canonical(node.path("source").textValue()),
                    eventType.type(),
                    node.path("subject").textValue(),
                    time(binder, node),
                    constant(node.path("datacontenttype").textValue(), EventEnvelope.DATA_CONTENT_TYPE),
                    sequence,
                    data);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw mismatch(e.getMessage(), e);
        }
    }

    /**
     * The RFC 3339 time as the schema's date-time check reads it (ITU, several times cheaper than java.time's
     * formatter); anything else goes to the binder, which accepts or names it as before.
     */
    private static Instant time(Binder binder, JsonNode node) throws IOException {
        JsonNode time = node.get("time");
        if (time != null && time.isTextual()) {
            try {
                return ITU.parseDateTime(time.textValue()).toInstant();
            } catch (DateTimeException e) {
                // not RFC 3339: the binder decides
            }
        }
        return value(binder, node, "time", Instant.class);
    }

    private static String constant(String value, String constant) {
        return constant.equals(value) ? constant : value;
    }

    private static JsonMappingException mismatch(String message, Throwable cause) {
        return JsonMappingException.from((JsonParser) null, message, cause);
    }

    private static <T> T value(Binder binder, JsonNode node, String field, Class<T> type) throws IOException {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : binder.bind(value, type);
    }
}
