package io.supportflow.spec.govstack;

import io.supportflow.spec.govstack.SupportLayout.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated supports with every field valid, and with exactly one field (or list) made invalid. */
class ValidationProperties {
    private static final String ORDER = "order-42";

    /** List sizes and field values of one generated support. */
    record Case(Map<String, Integer> sizes, Map<String, String> values) {
        Support support() {
            return SupportLayout.build(sizes, values);
        }

        Case with(String path, String value) {
            Map<String, String> changed = new HashMap<>(values);
            changed.put(path, value);
            return new Case(sizes, changed);
        }

        Case withSize(String listPath, int size) {
            Map<String, Integer> changed = new HashMap<>(sizes);
            changed.put(listPath, size);
            return new Case(changed, values);
        }
    }

    /** A case and the one path that was changed in it. */
    record Changed(Case changed, String path) {
    }

    @Property(tries = 100)
    void aSupportWithEveryFieldValidOrAbsentHasNoViolations(@ForAll("validCases") Case valid) {
        assertThat(Validation.support(valid.support(), ORDER)).isEmpty();
    }

    @Property(tries = 40)
    void eachFieldMadeInvalidAloneIsReportedAtExactlyThatPath(@ForAll("validCases") Case valid,
                                                               @ForAll("invalidByKind") Map<Kind, String> invalid) {
        SupportLayout.kinds(valid.sizes()).forEach((path, kind) ->
                assertThat(Validation.support(valid.with(path, invalid.get(kind)).support(), ORDER))
                        .as(path).extracting(Violation::path).containsExactly(path));
    }

    @Property(tries = 20)
    void eachListOverTheBoundAloneIsReportedAtExactlyThatListAndNothingElse(
            @ForAll("validCases") Case valid, @ForAll @IntRange(min = 33, max = 40) int size) {
        for (String list : SupportLayout.LIST_PATHS) {
            assertThat(Validation.support(valid.withSize(list, size).support(), ORDER))
                    .containsExactly(new Violation(list, "more than " + Validation.MAX_ITEMS + " items"));
        }
    }

    @Property(tries = 60)
    void anyStringInOneFieldIsReportedAtMostAtThatPath(@ForAll("validCases") Case valid,
                                                       @ForAll("arbitraryByKind") Map<Kind, String> any) {
        SupportLayout.kinds(valid.sizes()).forEach((path, kind) ->
                assertThat(Validation.support(valid.with(path, any.get(kind)).support(), ORDER))
                        .as(path).extracting(Violation::path).isSubsetOf(path));
    }

    @Property(tries = 100)
    void aBareAgentHasTheViolationsOfTheSupportBelowAgent(@ForAll("invalidFields") Changed invalid) {
        Support support = invalid.changed().support();
        List<Violation> belowAgent = Validation.support(support, ORDER).stream()
                .filter(violation -> violation.path().startsWith("support.agent."))
                .map(violation -> new Violation(violation.path().substring("support.".length()), violation.rule()))
                .toList();

        assertThat(Validation.agent(support.agent())).isEqualTo(belowAgent);
    }

    // ---- cases

    @Provide
    Arbitrary<Case> validCases() {
        return sizes().flatMap(sizes -> {
            List<Map.Entry<String, Kind>> fields = new ArrayList<>(SupportLayout.kinds(sizes).entrySet());
            List<Arbitrary<String>> values = fields.stream()
                    .map(field -> valid(field.getValue()).injectNull(0.1)).toList();
            return Combinators.combine(values).as(list -> new Case(sizes, zip(fields, list)));
        });
    }

    @Provide
    Arbitrary<Changed> invalidFields() {
        return changedField(ValidationProperties::invalid);
    }

    @Provide
    Arbitrary<Map<Kind, String>> invalidByKind() {
        return byKind(ValidationProperties::invalid);
    }

    @Provide
    Arbitrary<Map<Kind, String>> arbitraryByKind() {
        return byKind(kind -> Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("P0123456789YMWDTHS.,+-:/@() &|gtelq").ofMaxLength(25)));
    }

    /** One value per kind. */
    private static Arbitrary<Map<Kind, String>> byKind(Function<Kind, Arbitrary<String>> values) {
        List<Kind> kinds = List.of(Kind.values());
        return Combinators.combine(kinds.stream().map(values).toList()).as(list -> {
            Map<Kind, String> byKind = new EnumMap<>(Kind.class);
            for (int index = 0; index < kinds.size(); index++) {
                byKind.put(kinds.get(index), list.get(index));
            }
            return byKind;
        });
    }

    private Arbitrary<Changed> changedField(Function<Kind, Arbitrary<String>> values) {
        return validCases().flatMap(valid -> {
            Map<String, Kind> kinds = SupportLayout.kinds(valid.sizes());
            return Arbitraries.of(List.copyOf(kinds.keySet())).flatMap(path -> values.apply(kinds.get(path))
                    .map(value -> new Changed(valid.with(path, value), path)));
        });
    }

    private static Arbitrary<Map<String, Integer>> sizes() {
        List<Arbitrary<Integer>> sizes = SupportLayout.LIST_PATHS.stream()
                .map(path -> Arbitraries.integers().between(0, 2).map(size -> size)).toList();
        return Combinators.combine(sizes).as(list -> {
            Map<String, Integer> bySize = new HashMap<>();
            for (int index = 0; index < list.size(); index++) {
                bySize.put(SupportLayout.LIST_PATHS.get(index), list.get(index));
            }
            return bySize;
        });
    }

    private static Map<String, String> zip(List<Map.Entry<String, Kind>> fields, List<String> values) {
        Map<String, String> byPath = new HashMap<>();
        for (int index = 0; index < fields.size(); index++) {
            byPath.put(fields.get(index).getKey(), values.get(index));
        }
        return byPath;
    }

    // ---- valid values by kind

    private static Arbitrary<String> valid(Kind kind) {
        return switch (kind) {
            case TEXT -> upTo(Validation.MAX_TEXT_LENGTH);
            case LONG_TEXT -> upTo(Validation.MAX_LONG_TEXT_LENGTH);
            case BODY_ORDER_ID -> Arbitraries.just(ORDER);
            case AGENT_ID -> Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                    .withChars('.', '_', ':', '@', '-').ofMinLength(1).ofMaxLength(Validation.MAX_ID_LENGTH);
            case PHONE -> phones();
            case EMAIL -> Combinators.combine(word(), word(), Arbitraries.of("org", "io", "co.uk"))
                    .as((local, domain, tld) -> local + "@" + domain + "." + tld);
            case WEB_URL -> webUrls();
            case IMAGE_URL -> Arbitraries.oneOf(webUrls(), Arbitraries.strings().withCharRange('A', 'Z')
                    .withChars('+', '/', '=').ofMaxLength(40).map(data -> "data:image/png;base64," + data));
            case RATING -> Arbitraries.of("4.5", "gte 4", "gt 3 && lte 5 || eq 1", "(lt 2 || gt 4) && lte 5");
            case MEDIA_TYPE -> Arbitraries.of("application/pdf", "text/html", "image/svg+xml",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            case SIZE_TYPE -> Arbitraries.of("xs", "sm", "md", "lg", "xl", "custom");
            case CONTENT_TYPE -> Arbitraries.of("text/plain", "text/html", "application/json");
            case DATE -> Arbitraries.longs().between(-25_000, 50_000).map(day -> LocalDate.ofEpochDay(day).toString());
            case AGE -> Arbitraries.integers().between(0, 120)
                    .flatMap(n -> Arbitraries.of("P" + n + "Y", "P" + n + "Y3M", "PT" + n + "H", "P" + n + "DT2H"));
        };
    }

    /** Mostly short strings of any characters, sometimes exactly at the bound. */
    private static Arbitrary<String> upTo(int max) {
        return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.strings().ofMaxLength(20)),
                Tuple.of(1, Arbitraries.strings().ofLength(max)));
    }

    private static Arbitrary<String> word() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(12);
    }

    private static Arbitrary<String> webUrls() {
        return Combinators.combine(Arbitraries.of("http", "https", "HTTPS"), word(), Arbitraries.of("", ":8080"),
                        word().list().ofMaxSize(3))
                .as((scheme, host, port, segments) -> scheme + "://" + host + ".example" + port + "/"
                        + String.join("/", segments));
    }

    private static Arbitrary<String> phones() {
        Arbitrary<String> digitGroup = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(5);
        return digitGroup.list().ofMinSize(1).ofMaxSize(5)
                .map(groups -> "+" + String.join(" ", groups))
                .filter(phone -> {
                    long digits = phone.chars().filter(Character::isDigit).count();
                    return digits >= 7 && digits <= 15;
                });
    }

    // ---- invalid values by kind

    private static Arbitrary<String> invalid(Kind kind) {
        return switch (kind) {
            case TEXT -> tooLong(Validation.MAX_TEXT_LENGTH);
            case LONG_TEXT -> tooLong(Validation.MAX_LONG_TEXT_LENGTH);
            case BODY_ORDER_ID -> Arbitraries.of("order-43", "", "order 42", "order/42", "x".repeat(129));
            case AGENT_ID -> Arbitraries.of("", "agent 7", "agent#7", "ägent", "a".repeat(129));
            case PHONE -> Arbitraries.of("12", "phone", "+1+2345678", "1".repeat(21), "555-1234 ext 5", "+1 (555) 1234",
                    "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7");
            case EMAIL -> Arbitraries.of("ana", "ana@", "@example.org", "ana@example", "ana maria@example.org",
                    "ana@@example.org", "ana@-example.org");
            case WEB_URL -> Arbitraries.of("example.org", "ftp://example.org", "https://exa mple.org",
                    "data:text/plain,hi", "https:///path", "mailto:ana@example.org", "https://" + "a".repeat(2048));
            case IMAGE_URL -> Arbitraries.of("image.png", "javascript:alert(1)", "data:image/png;base64",
                    "ftp://example.org/a.png");
            case RATING -> Arbitraries.of("gte", "five", "gt 3 &&", "(gt 3", "4.5 stars", "gt 1e5");
            case MEDIA_TYPE -> Arbitraries.of("pdf", "text/", "/html", "text/html/x", "text/html; charset=utf-8");
            case SIZE_TYPE -> Arbitraries.of("huge", "XS", "", "md ");
            case CONTENT_TYPE -> Arbitraries.of("text/xml", "TEXT/PLAIN", "");
            case DATE -> Arbitraries.of("1990-02-30", "30/01/1990", "1990-1-1", "yesterday", "");
            case AGE -> Arbitraries.of("42", "P", "PT", "-P1Y", "P1Y2DT3H", "42 years", "P-1D", "P999999999W");
        };
    }

    private static Arbitrary<String> tooLong(int max) {
        return Arbitraries.strings().ofMinLength(max + 1).ofMaxLength(max + 3);
    }
}
