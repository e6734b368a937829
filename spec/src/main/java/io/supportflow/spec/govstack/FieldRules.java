package io.supportflow.spec.govstack;

import io.supportflow.spec.rating.RatingExpression;
import io.supportflow.spec.rating.RatingSyntaxException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The field rules {@link Validation} documents, each bounded in length before its format is looked at. */
final class FieldRules {
    static final FieldRule TEXT = maxLength(Validation.MAX_TEXT_LENGTH);
    static final FieldRule LONG_TEXT = maxLength(Validation.MAX_LONG_TEXT_LENGTH);
    static final FieldRule WEB_URL = maxLength(Validation.MAX_URL_LENGTH)
            .then(format("not an absolute http or https URL", FieldRules::isWebUrl));
    static final FieldRule IMAGE_URL = maxLength(Validation.MAX_URL_LENGTH)
            .then(format("not an absolute http, https or data URL",
                    value -> isWebUrl(value) || isDataUrl(value)));
    static final FieldRule PHONE = maxLength(Validation.MAX_PHONE_LENGTH)
            .then(format("not a phone number", FieldRules::isPhone));
    static final FieldRule EMAIL = maxLength(Validation.MAX_EMAIL_LENGTH)
            .then(format("not an email address", matching(
                    "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
                            + "[A-Za-z]{2,63}")));
    static final FieldRule MEDIA_TYPE = maxLength(Validation.MAX_TEXT_LENGTH)
            .then(format("not a media type (type/subtype)", matching(
                    "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}")));
    static final FieldRule SIZE_TYPE = oneOf(List.of("xs", "sm", "md", "lg", "xl", "custom"));
    static final FieldRule CONTENT_TYPE = oneOf(List.of("text/plain", "text/html", "application/json"));
    static final FieldRule DATE = maxLength(Validation.MAX_TEXT_LENGTH)
            .then(format("not an ISO 8601 date (yyyy-mm-dd)", FieldRules::isDate));
    static final FieldRule AGE = maxLength(Validation.MAX_TEXT_LENGTH)
            .then(format("not a non-negative ISO 8601 duration (e.g. P42Y)", FieldRules::isAge));
    static final FieldRule RATING = maxLength(Validation.MAX_TEXT_LENGTH).then(FieldRules::ratingProblem);
    static final FieldRule ORDER_ID = format(
            "not an order id (1 to " + Validation.MAX_ID_LENGTH + " characters of A-Z a-z 0-9 . _ : -)",
            matching("[A-Za-z0-9._:-]{1," + Validation.MAX_ID_LENGTH + "}"));
    static final FieldRule AGENT_ID = format(
            "not an agent id (1 to " + Validation.MAX_ID_LENGTH + " characters of A-Z a-z 0-9 . _ : @ -)",
            matching("[A-Za-z0-9._:@-]{1," + Validation.MAX_ID_LENGTH + "}"));

    /** E.164 with optional single spaces between digits: how the contract's {@code format: phone} is read. */
    private static final Pattern E164_PHONE = Pattern.compile("\\+(?:[0-9] ?){6,14}[0-9]");

    private FieldRules() {
    }

    /** A valid order id equal to {@code expected}. */
    static FieldRule orderIdEqualTo(String expected) {
        return ORDER_ID.then(format("does not match the order id in the path", expected::equals));
    }

    private static FieldRule maxLength(int max) {
        return format("longer than " + max + " characters", value -> value.length() <= max);
    }

    private static FieldRule oneOf(List<String> allowed) {
        return format("not one of " + String.join(", ", allowed), allowed::contains);
    }

    private static FieldRule format(String problem, Predicate<String> passes) {
        return value -> passes.test(value) ? Optional.empty() : Optional.of(problem);
    }

    private static Predicate<String> matching(String regex) {
        return Pattern.compile(regex).asMatchPredicate();
    }

    private static boolean isPhone(String value) {
        return E164_PHONE.matcher(value).matches();
    }

    private static boolean isWebUrl(String value) {
        return parseUri(value)
                .filter(uri -> uri.getScheme() != null)
                .filter(uri -> List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT)))
                .filter(uri -> uri.getHost() != null)
                .isPresent();
    }

    private static boolean isDataUrl(String value) {
        return parseUri(value)
                .filter(uri -> "data".equalsIgnoreCase(uri.getScheme()))
                .filter(uri -> uri.getRawSchemeSpecificPart().contains(","))
                .isPresent();
    }

    private static Optional<URI> parseUri(String value) {
        try {
            return Optional.of(new URI(value));
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeException notADate) {
            return false;
        }
    }

    private static boolean isAge(String value) {
        try {
            return !Period.parse(value).isNegative();
        } catch (DateTimeException | ArithmeticException notAPeriod) {
            return isNonNegativeDuration(value);
        }
    }

    private static boolean isNonNegativeDuration(String value) {
        try {
            return !Duration.parse(value).isNegative();
        } catch (DateTimeException | ArithmeticException notADuration) {
            return false;
        }
    }

    private static Optional<String> ratingProblem(String value) {
        try {
            RatingExpression.parse(value);
            return Optional.empty();
        } catch (RatingSyntaxException error) {
            return Optional.of("not a rating value: " + error.getMessage());
        }
    }
}
