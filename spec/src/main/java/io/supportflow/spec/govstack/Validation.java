package io.supportflow.spec.govstack;

import java.util.List;
import java.util.Objects;

/**
 * Checks GovStack input and returns every violation, so that a caller can answer with all of them at once.
 * Only present fields are checked: a null object, field or list is fine (the contract requires nothing). What the
 * lifecycle needs (for example that an assignment carries {@code agent.id}) is the semantics layer's business.
 *
 * <p>Each field breaks at most one rule: its length bound first, then its format. Every string and list is bounded,
 * so no accepted input can make a stored record unbounded; a list over the bound is reported at the list's own path
 * and its items are not examined.
 *
 * <table>
 *   <caption>Rules by field (JSON paths below {@code support} or {@code agent})</caption>
 *   <tr><th>field</th><th>rule</th><th>violation text</th></tr>
 *   <tr><td>{@code orderId} (path parameter), {@code support.order_id}</td>
 *       <td>1–128 characters of {@code A-Z a-z 0-9 . _ : -}</td>
 *       <td>not an order id (1 to 128 characters of A-Z a-z 0-9 . _ : -); a missing path id: required</td></tr>
 *   <tr><td>{@code support.order_id}</td><td>equal to the order id in the path</td>
 *       <td>does not match the order id in the path</td></tr>
 *   <tr><td>{@code agent.id}</td><td>1–128 characters of {@code A-Z a-z 0-9 . _ : @ -}</td>
 *       <td>not an agent id (1 to 128 characters of A-Z a-z 0-9 . _ : @ -)</td></tr>
 *   <tr><td>{@code callback_phone}, {@code contact.phone}</td>
 *       <td>≤ 32 characters; international (E.164) form: {@code +}, then 7–15 digits, optionally
 *       separated by single spaces (the contract's {@code format: phone} as JSON-schema validators read it)</td>
 *       <td>not a phone number</td></tr>
 *   <tr><td>{@code contact.email}</td><td>≤ 254 characters, {@code local@domain.tld} (ASCII, local part ≤ 64)</td>
 *       <td>not an email address</td></tr>
 *   <tr><td>{@code chat.url}, {@code faq.url}, {@code additional_desc.url}, {@code media[i].url},
 *       {@code person.url}, {@code creds[i].url}</td>
 *       <td>≤ 2048 characters; absolute {@code http}/{@code https} URI with a host ({@link java.net.URI})</td>
 *       <td>not an absolute http or https URL</td></tr>
 *   <tr><td>{@code images[i].url}, {@code person.image.url}</td>
 *       <td>≤ 2048 characters; as above, or a {@code data:} URI with a comma</td>
 *       <td>not an absolute http, https or data URL</td></tr>
 *   <tr><td>{@code agent.rating}</td><td>≤ 256 characters; parses as a
 *       {@link io.supportflow.spec.rating.RatingExpression}</td>
 *       <td>not a rating value: <i>parser message</i> at column <i>n</i></td></tr>
 *   <tr><td>{@code faq.mime_type}, {@code media[i].mimetype}</td>
 *       <td>{@code type/subtype}, each 1–127 RFC 6838 name characters, no parameters</td>
 *       <td>not a media type (type/subtype)</td></tr>
 *   <tr><td>{@code image.size_type}</td><td>one of {@code xs sm md lg xl custom}</td>
 *       <td>not one of xs, sm, md, lg, xl, custom</td></tr>
 *   <tr><td>{@code additional_desc.content_type}</td><td>one of {@code text/plain text/html application/json}</td>
 *       <td>not one of text/plain, text/html, application/json</td></tr>
 *   <tr><td>{@code person.dob}</td><td>ISO 8601 calendar date {@code yyyy-mm-dd} (strict: no 30 February)</td>
 *       <td>not an ISO 8601 date (yyyy-mm-dd)</td></tr>
 *   <tr><td>{@code person.age}</td><td>non-negative ISO 8601 period {@code PnYnMnWnD} or duration
 *       {@code PnDTnHnMnS}</td>
 *       <td>not a non-negative ISO 8601 duration (e.g. P42Y)</td></tr>
 *   <tr><td>{@code short_desc}, {@code long_desc}, {@code organization.address}, {@code media[i].signature}</td>
 *       <td>≤ 4096 characters</td><td>longer than 4096 characters</td></tr>
 *   <tr><td>every other string (names, codes, ids, {@code session_id}, {@code gender}, {@code type},
 *       {@code dsa}, {@code width}, {@code height})</td>
 *       <td>≤ 256 characters</td><td>longer than 256 characters</td></tr>
 *   <tr><td>{@code media}, {@code images}, {@code creds}, {@code languages}, {@code skills}</td>
 *       <td>≤ 32 items</td><td>more than 32 items</td></tr>
 * </table>
 *
 * <p>A string over its length bound is reported as {@code longer than N characters} whatever its format rule.
 * All methods are thread-safe and return unmodifiable lists in a fixed (depth-first) order.
 */
public final class Validation {
    /** Most characters of an order id or agent id. */
    public static final int MAX_ID_LENGTH = 128;
    /** Most characters of a name, code, other id, or other short string. */
    public static final int MAX_TEXT_LENGTH = 256;
    /** Most characters of a description, address or signature. */
    public static final int MAX_LONG_TEXT_LENGTH = 4096;
    /** Most characters of a URL, data URLs included. */
    public static final int MAX_URL_LENGTH = 2048;
    /** Most characters of a phone number, formatting included. */
    public static final int MAX_PHONE_LENGTH = 32;
    /** Most characters of an email address. */
    public static final int MAX_EMAIL_LENGTH = 254;
    /** Most items of any list. */
    public static final int MAX_ITEMS = 32;

    private Validation() {
    }

    /**
     * Every violation in a {@code Support} body, with paths below {@code support}.
     *
     * @param support         the body; {@code null} (no body) has no violations
     * @param expectedOrderId the order id of the request path, which a present {@code support.order_id} must equal
     * @throws NullPointerException if {@code expectedOrderId} is null
     */
    public static List<Violation> support(Support support, String expectedOrderId) {
        Objects.requireNonNull(expectedOrderId, "expectedOrderId");
        ViolationWalk walk = new ViolationWalk();
        walk.support("support", support, expectedOrderId);
        return walk.violations();
    }

    /** Every violation in a bare {@code Agent} body, with paths below {@code agent}; {@code null} has none. */
    public static List<Violation> agent(Agent agent) {
        ViolationWalk walk = new ViolationWalk();
        walk.agent("agent", agent);
        return walk.violations();
    }

    /** The violation of an order id taken from a request path, reported at path {@code orderId}, if any. */
    public static List<Violation> orderId(String orderId) {
        if (orderId == null) {
            return List.of(new Violation("orderId", "required"));
        }
        ViolationWalk walk = new ViolationWalk();
        walk.field("orderId", orderId, FieldRules.ORDER_ID);
        return walk.violations();
    }

    /**
     * Throws when there is anything in {@code violations}.
     *
     * @throws InvalidInputException holding {@code violations} when it is not empty
     */
    public static void requireNone(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
