package io.supportflow.engine.rest;

import io.supportflow.spec.govstack.Validation;

/**
 * The order id of a request path, checked by the GovStack {@link Validation} rule (1 to 128 of A-Z a-z 0-9 . _ : -),
 * and not {@code .} or {@code ..}: as path segments, clients and proxies remove them before sending.
 */
final class OrderIds {

    private OrderIds() {
    }

    /**
     * Returns {@code raw} (still percent-encoded, so {@code %} never passes) when it is a valid order id.
     *
     * @throws Failure.Rejected INVALID_INPUT naming {@code orderId} otherwise
     */
    static String check(String raw) {
        if (raw.equals(".") || raw.equals("..")) {
            throw Failure.invalid("orderId: . and .. are not order ids in a path", "orderId").rejected();
        }
        Inputs.requireValid(Validation.orderId(raw));
        return raw;
    }
}
