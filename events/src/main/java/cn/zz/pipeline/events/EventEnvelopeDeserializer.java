package cn.zz.pipeline.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
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
            return new EventEnvelope(
                    node.path("specversion").textValue(),
                    value(binder, node, "id", UUID.class),
                    node.path("source").textValue(),
                    type,
                    node.path("subject").textValue(),
                    value(binder, node, "time", Instant.class),
                    node.path("datacontenttype").textValue(),
                    sequence,
                    data);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw mismatch(e.getMessage(), e);
        }
    }

    private static JsonMappingException mismatch(String message, Throwable cause) {
        return JsonMappingException.from((JsonParser) null, message, cause);
    }

    private static <T> T value(Binder binder, JsonNode node, String field, Class<T> type) throws IOException {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : binder.bind(value, type);
    }
}
