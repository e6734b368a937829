package io.supportflow.properties;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.supportflow.engine.rest.RestOptions;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Chat;
import io.supportflow.spec.govstack.Faq;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.govstack.Validation;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.model.Command;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Input that must be refused: HTTP requests to the REST binding and commands to the Java API, each malformed in a way
 * that guarantees a refusal (broken or mistyped JSON, a field the spec's {@link Validation} rejects, an invalid order
 * id, a wrong If-Match, an unknown route). Orders {@code o-1} (ASSIGNED), {@code o-2} (CLOSED) and {@code o-3} (OPEN)
 * exist; {@code o-new} does not.
 */
final class BadInputs {
    static final List<String> ORDERS = List.of("o-1", "o-2", "o-3", "o-new");
    /** GovStack JSON: snake_case names, absent fields left out. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private static final String VALID = "{\"descriptor\":{\"name\":\"help\"},\"callback_phone\":\"+49 30 1234567\","
            + "\"chat\":{\"url\":\"https://chat.example/1\",\"session_id\":\"s1\"},\"agent\":{\"id\":\"a1\"}}";
    private static final List<String> WRONG_FOR_STRING = List.of("123", "true", "[]", "{}", "[\"x\"]", "1.5");
    private static final List<String> WRONG_FOR_OBJECT = List.of("\"x\"", "1", "[]", "true", "[{}]");

    private BadInputs() {
    }

    // ---- HTTP ----

    static Arbitrary<BadRequest> requests() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, supportBodyRequests()),
                Tuple.of(3, agentBodyRequests()),
                Tuple.of(3, badOrderIdRequests()),
                Tuple.of(2, badIfMatchRequests()),
                Tuple.of(1, unknownRoutes()),
                Tuple.of(1, badQueries()));
    }

    /** POST or PUT /support/{orderId} with a Support body that cannot be accepted. */
    private static Arbitrary<BadRequest> supportBodyRequests() {
        Arbitrary<String> bodies = Arbitraries.oneOf(truncated(), trailing(), wrongTypes(List.of("callback_phone",
                "order_id"), List.of("chat", "faq", "descriptor", "agent")), invalidSupportValues(), nonObjects(),
                deeplyNested(), duplicateKeys());
        return Combinators.combine(Arbitraries.of("POST", "PUT"), Arbitraries.of(ORDERS), bodies)
                .as((method, order, body) -> new BadRequest(method, "/support/" + order, body));
    }

    /** PUT /support/{orderId}/agent with an agent body that cannot be accepted. */
    private static Arbitrary<BadRequest> agentBodyRequests() {
        Arbitrary<String> bodies = Arbitraries.oneOf(truncated(), trailing(), nonObjects(), deeplyNested(),
                wrongTypes(List.of("id", "rating"), List.of("person", "contact", "organization")),
                invalidAgents().map(BadInputs::json));
        return Combinators.combine(Arbitraries.of(ORDERS), bodies)
                .as((order, body) -> new BadRequest("PUT", "/support/" + order + "/agent", body));
    }

    private static Arbitrary<String> truncated() {
        return Arbitraries.integers().between(1, VALID.length() - 1).map(cut -> VALID.substring(0, cut));
    }

    private static Arbitrary<String> trailing() {
        return Arbitraries.of("x", "}", "{}", "1", "\"a\"", "[]", ",").map(garbage -> VALID + " " + garbage);
    }

    /** One known field with a value of the wrong JSON type. */
    private static Arbitrary<String> wrongTypes(List<String> stringFields, List<String> objectFields) {
        Arbitrary<String> strings = Combinators.combine(Arbitraries.of(stringFields), Arbitraries.of(WRONG_FOR_STRING))
                .as((field, value) -> "{\"" + field + "\":" + value + "}");
        Arbitrary<String> objects = Combinators.combine(Arbitraries.of(objectFields), Arbitraries.of(WRONG_FOR_OBJECT))
                .as((field, value) -> "{\"" + field + "\":" + value + "}");
        return Arbitraries.oneOf(strings, objects);
    }

    /** A Support body with one field the spec's validation rejects. */
    private static Arbitrary<String> invalidSupportValues() {
        return Arbitraries.oneOf(
                invalid(s -> new Support(null, null, s, null, null, null)),
                invalid(s -> new Support(null, null, null, new Chat(s, null), null, null)),
                invalid(s -> new Support(null, null, null, null, new Faq(null, s), null)),
                invalid(s -> new Support(null, s, null, null, null, null)),
                invalidAgents().map(a -> new Support(null, null, null, null, null, a)))
                .map(BadInputs::json);
    }

    /** An agent whose id or rating the spec's validation rejects. */
    static Arbitrary<Agent> invalidAgents() {
        return Arbitraries.oneOf(
                texts().map(Agent::withId).filter(a -> !Validation.agent(a).isEmpty()),
                texts().map(s -> new Agent("a1", null, null, null, s)).filter(a -> !Validation.agent(a).isEmpty()));
    }

    private static Arbitrary<Support> invalid(Function<String, Support> withField) {
        return texts().map(withField).filter(s -> !Validation.support(s, ORDERS.get(0)).isEmpty()
                && !Validation.support(s, ORDERS.get(3)).isEmpty());
    }

    private static Arbitrary<String> nonObjects() {
        Arbitrary<String> scalars = Arbitraries.of("[1,2]", "\"text\"", "42", "true", "[]", "[{}]", "-", "{", "}");
        Arbitrary<String> garbage = texts().filter(s -> !s.isBlank() && !s.trim().startsWith("{")
                && !s.trim().equals("null"));
        return Arbitraries.oneOf(scalars, garbage);
    }

    private static Arbitrary<String> deeplyNested() {
        return Arbitraries.integers().between(2_000, 20_000)
                .map(depth -> "{\"chat\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
    }

    /** A well-formed request whose body is over the binding's limit, on any body-carrying route. */
    static Arbitrary<BadRequest> oversized() {
        Arbitrary<String> bodies = Arbitraries.integers().between(RestOptions.BODY_LIMIT, 4 * RestOptions.BODY_LIMIT)
                .map(n -> "{\"descriptor\":{\"long_desc\":\"" + "x".repeat(n) + "\"}}");
        Arbitrary<String[]> routes = Arbitraries.of(new String[] {"POST", ""}, new String[] {"PUT", ""},
                new String[] {"PUT", "/agent"});
        return Combinators.combine(routes, Arbitraries.of(ORDERS), bodies)
                .as((route, order, body) -> new BadRequest(route[0], "/support/" + order + route[1], body));
    }

    private static Arbitrary<String> duplicateKeys() {
        return Arbitraries.of("callback_phone", "order_id").map(field -> "{\"" + field + "\":\"+49 30 1\",\"" + field
                + "\":\"+49 30 2\"}");
    }

    /** Any of the 8.12 routes on an order id the spec's validation rejects (percent-encoded in the path). */
    private static Arbitrary<BadRequest> badOrderIdRequests() {
        Arbitrary<String> ids = texts().filter(s -> !s.isEmpty() && !Validation.orderId(s).isEmpty());
        Arbitrary<String[]> routes = Arbitraries.of(new String[] {"GET", ""}, new String[] {"POST", ""},
                new String[] {"PUT", ""}, new String[] {"DELETE", ""}, new String[] {"GET", "/agent"},
                new String[] {"PUT", "/agent"}, new String[] {"DELETE", "/agent"}, new String[] {"GET", "/history"});
        return Combinators.combine(routes, ids).as((route, id) -> new BadRequest(route[0],
                "/support/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + route[1],
                route[0].equals("POST") || route[0].equals("PUT") ? "{\"agent\":{\"id\":\"a2\"}}" : null));
    }

    /** PUT or DELETE with an If-Match that is malformed or names a version other than the sessions' (both at 1). */
    private static Arbitrary<BadRequest> badIfMatchRequests() {
        Arbitrary<String> tags = Arbitraries.oneOf(
                Arbitraries.of("\"0\"", "\"99\"", "\"-1\"", "\"99999999999999999999\"", "\"1.5\"", "\"\"", "W/\"x\"",
                        "\"x\"", "7", "\"7\", \"8\""),
                Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '"', '/').ofMinLength(1).ofMaxLength(12));
        Arbitrary<String[]> routes = Arbitraries.of(new String[] {"PUT", "", "{\"callback_phone\":\"+49 30 1234567\"}"},
                new String[] {"DELETE", "", null}, new String[] {"PUT", "/agent", "{\"id\":\"a3\"}"},
                new String[] {"DELETE", "/agent", null});
        return Combinators.combine(routes, Arbitraries.of("o-1", "o-3"), tags).as((route, order, tag) -> {
            Map<String, String> headers = route[2] == null ? Map.of("If-Match", tag)
                    : Map.of("If-Match", tag, "Content-Type", "application/json");
            return new BadRequest(route[0], "/support/" + order + route[1], route[2], headers);
        });
    }

    private static Arbitrary<BadRequest> unknownRoutes() {
        return Arbitraries.of(
                new BadRequest("PATCH", "/support/o-1", "{}"), new BadRequest("GET", "/", null),
                new BadRequest("GET", "/supports", null), new BadRequest("POST", "/support", "{}"),
                new BadRequest("DELETE", "/support/o-1/history", null),
                new BadRequest("GET", "/support/o-1/agent/x", null),
                new BadRequest("PUT", "/health", "{}"), new BadRequest("POST", "/support/o-1/agent", "{\"id\":\"a2\"}"),
                new BadRequest("DELETE", "/support", null));
    }

    private static Arbitrary<BadRequest> badQueries() {
        return Arbitraries.strings().withCharRange('A', 'Z').withChars('_', 'x').ofMinLength(1).ofMaxLength(10)
                .filter(s -> !List.of("NONE", "OPEN", "ASSIGNED", "CLOSED").contains(s))
                .map(state -> new BadRequest("GET", "/support?state=" + state, null));
    }

    // ---- Java API ----

    /** Commands with an invalid order id, body field or agent. */
    static Arbitrary<Command> commands() {
        Arbitrary<String> badOrderIds = texts().filter(s -> !Validation.orderId(s).isEmpty());
        Arbitrary<Actor> actors = Arbitraries.of(Actor.class);
        Arbitrary<Support> badBodies = Arbitraries.oneOf(
                invalid(s -> new Support(null, null, s, null, null, null)),
                invalid(s -> new Support(null, null, null, new Chat(s, null), null, null)),
                invalid(s -> new Support(null, null, null, null, new Faq(s, null), null)),
                invalidAgents().map(a -> new Support(null, null, null, null, null, a)));
        return Arbitraries.oneOf(
                Combinators.combine(badOrderIds, actors).as(Command.Close::new),
                Combinators.combine(badOrderIds, actors).as((o, a) -> new Command.Open(o, Support.forOrder(null), a)),
                Combinators.combine(Arbitraries.of(ORDERS), badBodies, actors).as(Command.Open::new),
                Combinators.combine(Arbitraries.of(ORDERS), badBodies, actors).as(Command.Update::new),
                Combinators.combine(Arbitraries.of(ORDERS), invalidAgents(), actors).as(Command.Assign::new));
    }

    /** Short strings, mostly ASCII, with controls, spaces, symbols and non-ASCII letters (no lone surrogates). */
    static Arbitrary<String> texts() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u0000', '\u001f')
                .withCharRange('\u00a0', '\u024f').withChars('\u20ac', '\u4e2d', '\u0000')
                .ofMaxLength(40);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
