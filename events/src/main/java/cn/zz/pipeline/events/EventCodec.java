package cn.zz.pipeline.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes and reads {@link EventEnvelope}s as CloudEvents JSON (structured mode), checking each event against the
 * JSON Schema of its type. Thread-safe; schemas are compiled once per type and cached.
 */
public final class EventCodec {

    /** Base IRI of the schemas' {@code $id}s; mapped to {@code schemas/} on the classpath, never fetched. */
    public static final String SCHEMA_BASE_IRI = "https://schemas.pipeline.zz.cn/events/";

    private static final int MAX_REASONS = 3;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Amounts must stay exact decimals; never let a double in between.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // Tolerant reader: a compatible v1 addition (a new optional field) must not break older consumers.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A duplicated key would make "which value counts" depend on the parser.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final JsonSchemaFactory SCHEMA_FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                            .formats(SchemaFormats.all()).build())
                    .schemaLoaders(loaders -> loaders
                    .schemas(EventCodec::schemaText)
                    // Anything else (bundled meta-schemas are mapped to classpath: IRIs) must not go to the network.
                    .add(new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));

    private static final SchemaValidatorsConfig SCHEMA_CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true) // 2020-12 treats "format" as annotation only by default
            .pathType(PathType.JSON_PATH)
            .typeLoose(false)
            .regularExpressionFactory(ReusedMatchers.INSTANCE)
            .build();

    private static final Map<EventType, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private static final Map<Class<?>, ObjectReader> READERS = new ConcurrentHashMap<>();

    private EventCodec() {
    }

    /**
     * The shared, configured mapper (java.time as ISO-8601, exact plain BigDecimals, nulls left out). Do not
     * reconfigure it; use {@code mapper().copy()} to customise.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The event as CloudEvents JSON.
     *
     * @throws IllegalArgumentException if the event does not satisfy its type's schema: a producer must never
     *     publish what consumers would reject
     */
    public static String write(EventEnvelope e) {
        JsonNode tree = toCheckedTree(e);
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write event " + e.id(), ex);
        }
    }

    /** {@link #write(EventEnvelope)} as UTF-8 bytes, e.g. for a Kafka record value. */
    public static byte[] writeBytes(EventEnvelope e) {
        return write(e).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses, rejects an unknown type, validates against the type's schema, then binds {@code data} to the payload
     * class.
     */
    public static EventEnvelope read(String json) throws InvalidEventException {
        if (json == null) {
            throw new InvalidEventException("malformed JSON: no content");
        }
        return bind(checkedTree(parse(json)));
    }

    /** {@link #read(String)} for raw bytes (encoding detected as JSON allows, normally UTF-8). */
    public static EventEnvelope read(byte[] json) throws InvalidEventException {
        if (json == null) {
            throw new InvalidEventException("malformed JSON: no content");
        }
        return bind(checkedTree(parse(json)));
    }

    /** An event's routing attributes, read from its JSON without the rest: {@link #peek}. */
    public record Head(EventType type, String subject, long sequence) {
    }

    /**
     * The top-level {@code type}, {@code subject} and {@code sequence} of an event, read without parsing the rest
     * or checking the schema (a consumer passes over the types it does not need for the price of this). Empty when
     * the bytes are not a JSON object with a known type, a subject and a valid sequence; {@link #read(byte[])}
     * then says what is wrong.
     */
    public static Optional<Head> peek(byte[] json) {
        if (json == null) {
            return Optional.empty();
        }
        EventType type = null;
        String subject = null;
        long sequence = 0;
        try (JsonParser p = MAPPER.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "type" -> type = value == JsonToken.VALUE_STRING
                            ? EventType.fromType(p.getText()).orElse(null) : null;
                    case "subject" -> subject = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "sequence" -> sequence = Sequence.parse(switch (value) {
                        case VALUE_STRING -> TextNode.valueOf(p.getText());
                        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> DecimalNode.valueOf(p.getDecimalValue());
                        default -> null; // refused by parse
                    });
                    default -> p.skipChildren();
                }
                if (type != null && subject != null && sequence > 0) {
                    return Optional.of(new Head(type, subject, sequence)); // the rest (the data) is not read
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Schema validation only: parses, rejects an unknown type and checks the type's schema. */
    public static void validate(String json) throws InvalidEventException {
        if (json == null) {
            throw new InvalidEventException("malformed JSON: no content");
        }
        checkedTree(parse(json));
    }

    private static JsonNode toCheckedTree(EventEnvelope e) {
        JsonNode tree = MAPPER.valueToTree(e);
        try {
            checkedTree(tree);
        } catch (InvalidEventException invalid) {
            throw new IllegalArgumentException("event " + e.type() + " violates its schema: " + invalid.reason(), invalid);
        }
        return tree;
    }

    private static JsonNode checkedTree(JsonNode tree) throws InvalidEventException {
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidEventException("malformed JSON: no content");
        }
        if (!tree.isObject()) {
            throw new InvalidEventException("event must be a JSON object, not " + tree.getNodeType().name().toLowerCase());
        }
        JsonNode typeNode = tree.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new InvalidEventException("missing type");
        }
        EventType type = EventType.fromType(typeNode.textValue())
                .orElseThrow(() -> new InvalidEventException("unknown type " + typeNode.textValue()));
        Set<ValidationMessage> messages = schema(type).validate(tree);
        if (!messages.isEmpty()) {
            Set<String> violations = new LinkedHashSet<>();
            messages.forEach(m -> violations.add(m.getMessage()));
            throw new InvalidEventException(summary(new ArrayList<>(violations)), new ArrayList<>(violations), null);
        }
        return tree;
    }

    private static EventEnvelope bind(JsonNode tree) throws InvalidEventException {
        try {
            // Straight from the validated tree: a cached reader per class, no second tree, no per-call lookup.
            return EventEnvelopeDeserializer.fromTree(tree, EventCodec::bindValue);
        } catch (IOException | IllegalArgumentException e) {
            String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new InvalidEventException("cannot bind " + tree.path("type").asText() + ": " + detail, e);
        }
    }

    private static <T> T bindValue(JsonNode value, Class<T> type) throws IOException {
        return READERS.computeIfAbsent(type, MAPPER::readerFor).readValue(value);
    }

    private static JsonNode parse(String json) throws InvalidEventException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    private static JsonNode parse(byte[] json) throws InvalidEventException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new InvalidEventException("malformed JSON: " + e.getMessage(), e);
        }
    }

    // Jackson's full message quotes the input; the original message plus the position is enough and stays short.
    private static InvalidEventException malformed(JsonProcessingException e) {
        String at = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new InvalidEventException("malformed JSON: " + e.getOriginalMessage() + at, e);
    }

    // Keeps the reason short enough for a Kafka header while naming the first problems exactly.
    private static String summary(List<String> violations) {
        String head = String.join("; ", violations.subList(0, Math.min(MAX_REASONS, violations.size())));
        int more = violations.size() - MAX_REASONS;
        return more > 0 ? head + " (+" + more + " more)" : head;
    }

    private static JsonSchema schema(EventType type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            JsonSchema schema = SCHEMA_FACTORY.getSchema(SchemaLocation.of(SCHEMA_BASE_IRI + t.type() + ".json"),
                    SCHEMA_CONFIG);
            schema.initializeValidators(); // resolve every $ref now, not on the first message that needs it
            return schema;
        });
    }

    /** Loads schema text for our own IRIs from this module's classpath; null lets the next loader try. */
    private static String schemaText(String iri) {
        if (!iri.startsWith(SCHEMA_BASE_IRI)) {
            return null;
        }
        String resource = "schemas/" + iri.substring(SCHEMA_BASE_IRI.length());
        try (InputStream in = EventCodec.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }
}
