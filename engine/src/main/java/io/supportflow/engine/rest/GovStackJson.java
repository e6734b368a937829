package io.supportflow.engine.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.model.Session;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The GovStack JSON of the REST binding: snake_case names, absent (never null) optional fields, empty lists left
 * out. Reading is strict about shape and types (a number where a string belongs is refused, as are duplicate keys
 * and trailing content) and lenient about unknown fields, which are ignored (the contract's schemas allow them;
 * {@code Contact.jcard} is one). Every refusal is a {@link Failure.Rejected} naming the field at fault.
 */
final class GovStackJson {

    /** The keys that only a {@code Support} has; a PUT /agent body with one of them is read as a Support. */
    private static final Set<String> SUPPORT_ONLY_KEYS = Set.of("descriptor", "order_id", "callback_phone", "chat", "faq",
            "agent");

    private static final ObjectMapper MAPPER = build();

    private GovStackJson() {
    }

    /** The shared mapper; thread-safe. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper build() {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        mapper.configOverride(List.class).setInclude(
                JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY));
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Reads a {@code Support} body. An empty body reads as an empty Support ({@code {}}).
     *
     * @throws Failure.Rejected when the body is not a JSON object or a field has the wrong type
     */
    static Support readSupport(byte[] body) {
        JsonNode tree = readObject(body);
        return convert(tree, Support.class, "");
    }

    /**
     * Reads the body of PUT /support/{orderId}/agent as a Support: the body itself when the object has one of the
     * {@link #SUPPORT_ONLY_KEYS}, otherwise a bare {@code Agent} read into a Support holding only that agent. An
     * empty body reads as an empty Support (no agent).
     */
    static Support readAgentBody(byte[] body) {
        JsonNode tree = readObject(body);
        if (tree.isEmpty() || isSupportShaped(tree)) {
            return convert(tree, Support.class, "");
        }
        return new Support(null, null, null, null, null, convert(tree, Agent.class, "agent."));
    }

    /** Whether a JSON object has a key only a Support has. */
    private static boolean isSupportShaped(JsonNode object) {
        for (String key : SUPPORT_ONLY_KEYS) {
            if (object.has(key)) {
                return true;
            }
        }
        return false;
    }

    /** The GovStack Support of {@code session} with the extension fields {@code state} and {@code version}. */
    static ObjectNode sessionNode(Session session) {
        ObjectNode node = MAPPER.valueToTree(session.toSupport());
        node.put("state", session.state());
        node.put("version", session.version());
        return node;
    }

    /** Any value as JSON bytes. */
    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readObject(byte[] body) {
        if (body.length == 0) {
            return MAPPER.createObjectNode();
        }
        String text = Utf8.decode(body, "the body", "body");
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw Failure.invalid("the body is not valid JSON: " + problem(e) + locationOf(e), "body")
                    .rejected();
        }
        if (tree == null || tree.isMissingNode()) {
            return MAPPER.createObjectNode();
        }
        if (!tree.isObject()) {
            throw Failure.invalid("the body must be a JSON object, not " + describe(tree), "body").rejected();
        }
        return tree;
    }

    /** What is wrong with a document Jackson could not read, in JSON terms (never Jackson's own wording). */
    private static String problem(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            return "it is nested too deeply or a value in it is too long";
        }
        if (message.startsWith("Duplicate field")) {
            return "an object has the same key twice";
        }
        if (message.startsWith("Trailing token")) {
            return "there is more content after the JSON value";
        }
        if (e instanceof JsonEOFException) {
            return "it ends before the JSON value is complete";
        }
        return "it breaks the JSON syntax";
    }

    private static <T> T convert(JsonNode tree, Class<T> type, String pathPrefix) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            String path = pathPrefix + JsonPaths.of(e.getPath());
            String field = path.isEmpty() ? "body" : path;
            throw Failure.invalid(field + ": expected " + JsonPaths.expected(e), field).rejected();
        } catch (JsonProcessingException e) {
            throw Failure.invalid("the body could not be read: " + problem(e), "body").rejected();
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
