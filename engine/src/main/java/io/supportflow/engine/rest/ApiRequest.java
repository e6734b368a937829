package io.supportflow.engine.rest;

import io.supportflow.spec.lifecycle.Actor;
import org.eclipse.jetty.http.HttpFields;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request as the endpoints see it: method, route, headers, decoded query and the body (at most
 * {@link RestOptions#maxBodyBytes()} bytes, already read).
 */
record ApiRequest(String method, Route route, HttpFields headers, String rawQuery, byte[] body) {
    /** The header naming who fires the command; see {@link #actor()}. */
    static final String ACTOR_HEADER = "X-Actor";
    private static final Pattern STRONG_ETAG = Pattern.compile("\\s*\"(0|[1-9][0-9]{0,17})\"\\s*");

    String orderId() {
        return route.orderId();
    }

    /**
     * The actor of a command: {@code X-Actor: customer | agent | supervisor} (any case), {@code CUSTOMER} when
     * absent. It is a declaration for the lifecycle's permission rules, not authentication.
     *
     * @throws Failure.Rejected INVALID_INPUT for any other value, {@code system} included (reserved for timers)
     */
    Actor actor() {
        String value = headers.get(ACTOR_HEADER);
        if (value == null) {
            return Actor.CUSTOMER;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "customer" -> Actor.CUSTOMER;
            case "agent" -> Actor.AGENT;
            case "supervisor" -> Actor.SUPERVISOR;
            default -> throw Failure.invalid(ACTOR_HEADER + " must be customer, agent or supervisor", ACTOR_HEADER)
                    .rejected();
        };
    }

    /**
     * The version an {@code If-Match: "<version>"} header requires; empty without the header or with {@code *}.
     *
     * @throws Failure.Rejected INVALID_INPUT when the header is not one strong entity tag of a version
     */
    OptionalLong ifMatch() {
        String value = headers.get("If-Match");
        if (value == null || value.trim().equals("*")) {
            return OptionalLong.empty();
        }
        Matcher m = STRONG_ETAG.matcher(value);
        if (!m.matches()) {
            throw Failure.invalid("If-Match must be one entity tag as sent in ETag, for example \"3\"", "If-Match")
                    .rejected();
        }
        return OptionalLong.of(Long.parseLong(m.group(1)));
    }

    /**
     * The query parameters, percent-decoded as strict UTF-8 ({@code +} is a space); each name at most once.
     *
     * @throws Failure.Rejected INVALID_INPUT for a repeated parameter, a bad percent escape or bytes that are not
     *                          UTF-8 (overlong forms and encoded surrogates included)
     */
    Map<String, String> query() {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), "query");
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
            if (params.put(name, value) != null) {
                throw Failure.invalid("query parameter " + Failure.echo(name) + " is given twice", name).rejected();
            }
        }
        return params;
    }

    private static String decode(String text, String paths) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                if (low < 0) {
                    throw Failure.invalid("the query is not correctly percent-encoded", paths).rejected();
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        return Utf8.decode(bytes.toByteArray(), "the query", paths);
    }
}
