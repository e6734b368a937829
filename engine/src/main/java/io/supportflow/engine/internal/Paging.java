package io.supportflow.engine.internal;

import io.supportflow.engine.Page;
import io.supportflow.spec.govstack.Validation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The limit and cursor rules every paged list follows, shared by the engine, the REST binding and the command line
 * so that all three refuse the same values with the same words. A cursor is the URL-safe Base64 (no padding) of a
 * kind letter and a position: {@code o:<last order id>} for session lists, {@code v:<last version>} for a history.
 * Every refusal is an {@link IllegalArgumentException} whose message names the parameter ({@code limit},
 * {@code cursor}) and quotes no input.
 */
public final class Paging {
    private static final int MAX_CURSOR_LENGTH = 256;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");

    private Paging() {
    }

    /** The limit a query parameter or option gives. */
    public static int limit(String text) {
        if (!DIGITS.matcher(text).matches()) {
            throw notPositive();
        }
        long limit = Long.parseLong(text);
        checkLimit(limit);
        return (int) limit;
    }

    public static void checkLimit(long limit) {
        if (limit < 1) {
            throw notPositive();
        }
        if (limit > Page.MAX_LIMIT) {
            throw new IllegalArgumentException("limit is over the maximum of " + Page.MAX_LIMIT);
        }
    }

    private static IllegalArgumentException notPositive() {
        return new IllegalArgumentException("limit must be a positive integer (at most " + Page.MAX_LIMIT + ")");
    }

    public static String afterOrder(String orderId) {
        return encode("o:" + orderId);
    }

    /** The order id a session-list cursor continues after; null for the first page (a null cursor). */
    public static String orderAfter(String cursor) {
        if (cursor == null) {
            return null;
        }
        String orderId = decode(cursor, "o:");
        if (!Validation.orderId(orderId).isEmpty()) {
            throw foreign();
        }
        return orderId;
    }

    public static String afterVersion(long version) {
        return encode("v:" + version);
    }

    /** The version a history cursor continues after; 0 for the first page (a null cursor). */
    public static long versionAfter(String cursor) {
        if (cursor == null) {
            return 0;
        }
        String version = decode(cursor, "v:");
        if (!VERSION.matcher(version).matches()) {
            throw foreign();
        }
        return Long.parseLong(version);
    }

    private static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor, String kind) {
        if (cursor.isEmpty() || cursor.length() > MAX_CURSOR_LENGTH) {
            throw foreign();
        }
        String position;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            position = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw foreign();
        }
        if (!position.startsWith(kind)) {
            throw foreign();
        }
        return position.substring(kind.length());
    }

    private static IllegalArgumentException foreign() {
        return new IllegalArgumentException("cursor is not one this list gave: pass on the next cursor of the "
                + "previous page unchanged");
    }
}
