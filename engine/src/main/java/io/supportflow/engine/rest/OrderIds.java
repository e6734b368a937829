package io.supportflow.engine.rest;

import java.util.regex.Pattern;

/**
 * The order ids the REST binding accepts in a path: 1 to 128 characters from {@code A-Z a-z 0-9 . _ ~ -}
 * (RFC 3986 unreserved, so never percent-encoded), starting with a letter or digit.
 */
final class OrderIds {
    static final int MAX_LENGTH = 128;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]*");

    private OrderIds() {
    }

    /**
     * Returns {@code raw} when it is a valid order id.
     *
     * @throws Failure.Rejected INVALID_INPUT naming {@code orderId} otherwise
     */
    static String check(String raw) {
        if (raw.isEmpty()) {
            throw Failure.invalid("the order id is empty", "orderId").rejected();
        }
        if (raw.length() > MAX_LENGTH) {
            throw Failure.invalid("the order id has " + raw.length() + " characters, more than " + MAX_LENGTH,
                    "orderId").rejected();
        }
        if (!ALLOWED.matcher(raw).matches()) {
            throw Failure.invalid("the order id may hold only letters, digits and . _ ~ - (starting with a letter "
                    + "or digit)", "orderId").rejected();
        }
        return raw;
    }
}
