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
 * {@link EventCodec#read(String)} validates first.
 */
final class EventEnvelopeDeserializer extends StdDeserializer<EventEnvelope> {

  EventEnvelopeDeserializer() {
    super(EventEnvelope.class);
  }

  @Override
  public EventEnvelope deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode node = ctxt.readTree(p);
    if (!node.isObject()) {
      return ctxt.reportInputMismatch(EventEnvelope.class, "event must be a JSON object");
    }
    String type = node.path("type").textValue();
    EventType eventType = EventType.fromType(type).orElse(null);
    if (eventType == null) {
      return ctxt.reportInputMismatch(EventEnvelope.class, "unknown type %s", type);
    }
    JsonNode sequence = node.get("sequence");
    if (sequence == null || !sequence.canConvertToExactIntegral() || !sequence.canConvertToLong()) {
      return ctxt.reportInputMismatch(EventEnvelope.class, "sequence must be an integer");
    }
    EventPayload data = value(ctxt, node, "data", eventType.payloadClass());
    try {
      return new EventEnvelope(
          node.path("specversion").textValue(),
          value(ctxt, node, "id", UUID.class),
          node.path("source").textValue(),
          type,
          node.path("subject").textValue(),
          value(ctxt, node, "time", Instant.class),
          node.path("datacontenttype").textValue(),
          sequence.asLong(),
          data);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw JsonMappingException.from(p, e.getMessage(), e);
    }
  }

  private static <T> T value(DeserializationContext ctxt, JsonNode node, String field, Class<T> type)
      throws IOException {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : ctxt.readTreeAsValue(value, type);
  }
}
