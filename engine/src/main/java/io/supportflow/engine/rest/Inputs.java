package io.supportflow.engine.rest;

import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.govstack.Validation;
import io.supportflow.spec.govstack.Violation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Request bodies checked by the GovStack {@link Validation} rules. Paths are reported relative to the body:
 * {@code callback_phone}, {@code agent.id} (also for a bare Agent body), {@code descriptor.images[0].url}.
 */
final class Inputs {
    private static final String SUPPORT_PREFIX = "support.";

    private Inputs() {
    }

    /**
     * {@code body} with the path's order id, when it breaks no rule ({@code order_id}, when given, must equal
     * {@code orderId}).
     *
     * @throws Failure.Rejected INVALID_INPUT listing every violation
     */
    static Support validSupport(Support body, String orderId) {
        requireValid(Validation.support(body, orderId));
        return body.withOrderId(orderId);
    }

    /** @throws Failure.Rejected INVALID_INPUT listing every violation, when there is one */
    static void requireValid(List<Violation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        String what = violations.stream().map(v -> relative(v.path()) + ": " + v.rule())
                .collect(Collectors.joining("; "));
        String paths = violations.stream().map(v -> relative(v.path())).distinct().collect(Collectors.joining(", "));
        throw Failure.invalid(what, paths).rejected();
    }

    private static String relative(String path) {
        return path.startsWith(SUPPORT_PREFIX) ? path.substring(SUPPORT_PREFIX.length()) : path;
    }
}
