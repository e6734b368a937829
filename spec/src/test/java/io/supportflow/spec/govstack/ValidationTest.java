package io.supportflow.spec.govstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidationTest {
    private static final String ORDER = "order-42";

    private static Support full() {
        Image image = new Image("https://cdn.example.org/a.png", "md", "64", "64");
        MediaFile media = new MediaFile("application/pdf", "https://cdn.example.org/terms.pdf", "c2ln", "rsa-sha256");
        Descriptor descriptor = new Descriptor("Help", "H1", "short", "long",
                new AdditionalDesc("https://example.org/more", "text/html"), List.of(media), List.of(image));
        Person person = new Person("p-1", "https://example.org/ana", "Ana", image, "P42Y", "1983-02-28", "female",
                List.of(new Credential("c-1", "VerifiableCredential", "https://example.org/vc/1")),
                List.of(new Language("en", "English")), List.of(new Skill("billing", "Billing")));
        Contact contact = new Contact("+1 555 123 4567", "ana@example.org");
        Organization organization = new Organization(descriptor, "1 Main Street", new Region("Karnataka", "KA"),
                new City("Bengaluru", "BLR"), contact);
        Agent agent = new Agent("agent-7@team", person, contact, organization, "gt 3 && lte 5 || eq 1");
        return new Support(descriptor, ORDER, "+91 80 1234 5678", new Chat("https://chat.example.org/s/1", "s-1"),
                new Faq("https://example.org/faq", "text/html"), agent);
    }

    private static Support withPhone(String phone) {
        Support support = full();
        return new Support(support.descriptor(), support.orderId(), phone, support.chat(), support.faq(),
                support.agent());
    }

    private static Support withChatUrl(String url) {
        Support support = full();
        return new Support(support.descriptor(), support.orderId(), support.callbackPhone(), new Chat(url, "s-1"),
                support.faq(), support.agent());
    }

    private static Support withFaq(Faq faq) {
        Support support = full();
        return new Support(support.descriptor(), support.orderId(), support.callbackPhone(), support.chat(), faq,
                support.agent());
    }

    private static Support withDescriptor(Descriptor descriptor) {
        Support support = full();
        return new Support(descriptor, support.orderId(), support.callbackPhone(), support.chat(), support.faq(),
                support.agent());
    }

    private static Support withPerson(Person person) {
        Agent agent = full().agent();
        return full().withAgent(new Agent(agent.id(), person, agent.contact(), agent.organization(), agent.rating()));
    }

    private static Person person(String age, String dob, List<Language> languages) {
        return new Person("p-1", null, "Ana", null, age, dob, null, null, languages, null);
    }

    private static Descriptor descriptorWithImage(Image image) {
        return new Descriptor("Help", null, null, null, null, null, List.of(image));
    }

    private static List<Violation> check(Support support) {
        return Validation.support(support, ORDER);
    }

    private static Violation violation(String path, String rule) {
        return new Violation(path, rule);
    }

    @Test
    void aSupportWithEveryFieldValidHasNoViolations() {
        assertThat(check(full())).isEmpty();
    }

    @Test
    void absentObjectsAndFieldsAreNotChecked() {
        assertThat(check(null)).isEmpty();
        assertThat(check(Support.forOrder(null))).isEmpty();
        assertThat(check(Support.forOrder(ORDER).withAgent(new Agent(null, null, null, null, null)))).isEmpty();
        assertThat(Validation.agent(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-42", "A", "ORD.2024:07_x-1"})
    void anOrderIdOfAllowedCharactersIsValid(String orderId) {
        assertThat(Validation.orderId(orderId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "order 42", "order/42", "ordér", "order@42"})
    void anOrderIdWithOtherCharactersIsNotAnOrderId(String orderId) {
        assertThat(Validation.orderId(orderId)).containsExactly(
                violation("orderId", "not an order id (1 to 128 characters of A-Z a-z 0-9 . _ : -)"));
    }

    @Test
    void anOrderIdIsAtMost128Characters() {
        assertThat(Validation.orderId("x".repeat(128))).isEmpty();
        assertThat(Validation.orderId("x".repeat(129))).extracting(Violation::path).containsExactly("orderId");
    }

    @Test
    void aMissingOrderIdIsRequired() {
        assertThat(Validation.orderId(null)).containsExactly(violation("orderId", "required"));
    }

    @Test
    void theBodyOrderIdMustMatchThePath() {
        assertThat(check(Support.forOrder(ORDER))).isEmpty();
        assertThat(check(Support.forOrder("order-43")))
                .containsExactly(violation("support.order_id", "does not match the order id in the path"));
        assertThat(check(Support.forOrder("order 42"))).containsExactly(violation("support.order_id",
                "not an order id (1 to 128 characters of A-Z a-z 0-9 . _ : -)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent-7", "ana@example.org", "urn:agent:7", "A_1.b"})
    void anAgentIdOfAllowedCharactersIsValid(String id) {
        assertThat(check(Support.forOrder(ORDER).withAgent(Agent.withId(id)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "agent 7", "agent#7", "ägent"})
    void anAgentIdWithOtherCharactersIsNotAnAgentId(String id) {
        assertThat(check(Support.forOrder(ORDER).withAgent(Agent.withId(id)))).containsExactly(violation(
                "support.agent.id", "not an agent id (1 to 128 characters of A-Z a-z 0-9 . _ : @ -)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 555 123 4567", "+4930123456", "+44 20 7946 0958", "+123456789012345"})
    void aPhoneNumberIsAPlusThenSevenToFifteenDigitsWithOptionalSingleSpaces(String phone) {
        assertThat(check(withPhone(phone))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "call me", "+1+2345", "555-1234 ext 5", "123456789012345678901", "", "(+1) 555",
            "+1 (555) 123-4567", "4930123456", "+123456", "+1234567890123456", "+49  30 123456", "+49 30 123456 "})
    void anythingElseIsNotAPhoneNumber(String phone) {
        assertThat(check(withPhone(phone))).containsExactly(violation("support.callback_phone", "not a phone number"));
    }

    @Test
    void aPhoneNumberIsAtMost32Characters() {
        String spaced = "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7";

        assertThat(check(withPhone(spaced)))
                .containsExactly(violation("support.callback_phone", "longer than 32 characters"));
    }

    @Test
    void aContactPhoneFollowsTheSameRule() {
        Agent agent = full().agent();
        Agent changed = new Agent(agent.id(), null, new Contact("phone", null), null, null);

        assertThat(check(full().withAgent(changed)))
                .containsExactly(violation("support.agent.contact.phone", "not a phone number"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana", "ana@", "@example.org", "ana@example", "ana maria@example.org", "ana@@example.org",
            "ana@-example.org"})
    void anImplausibleEmailIsNotAnEmailAddress(String email) {
        Agent changed = new Agent("a", null, new Contact(null, email), null, null);

        assertThat(check(full().withAgent(changed)))
                .containsExactly(violation("support.agent.contact.email", "not an email address"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana@example.org", "ana.maria+support@mail.example.co.uk", "x_1@a-b.io"})
    void aPlausibleEmailIsValid(String email) {
        assertThat(check(full().withAgent(new Agent("a", null, new Contact(null, email), null, null)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://chat.example.org/s/1?x=1#y", "http://localhost:8080/chat", "HTTPS://EXAMPLE.ORG"})
    void aWebUrlIsAnAbsoluteHttpOrHttpsUriWithAHost(String url) {
        assertThat(check(withChatUrl(url))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat.example.org", "/chat", "ftp://example.org", "https://exa mple.org", "https:///chat",
            "mailto:ana@example.org", "data:text/plain,hi", ""})
    void anythingElseIsNotAWebUrl(String url) {
        assertThat(check(withChatUrl(url)))
                .containsExactly(violation("support.chat.url", "not an absolute http or https URL"));
    }

    @Test
    void aUrlIsAtMost2048Characters() {
        String base = "https://example.org/";

        assertThat(check(withChatUrl(base + "a".repeat(2048 - base.length())))).isEmpty();
        assertThat(check(withChatUrl(base + "a".repeat(2049 - base.length()))))
                .containsExactly(violation("support.chat.url", "longer than 2048 characters"));
    }

    @Test
    void anImageUrlMayAlsoBeADataUrl() {
        Image data = new Image("data:image/png;base64,iVBORw0KGgo=", "xs", null, null);
        Image script = new Image("javascript:alert(1)", null, null, null);

        assertThat(check(withDescriptor(descriptorWithImage(data)))).isEmpty();
        assertThat(check(withDescriptor(descriptorWithImage(script)))).containsExactly(
                violation("support.descriptor.images[0].url", "not an absolute http, https or data URL"));
    }

    @Test
    void theOtherUrlsAreCheckedAtTheirPaths() {
        Descriptor descriptor = new Descriptor(null, null, null, null, new AdditionalDesc("more", null),
                List.of(new MediaFile(null, "terms.pdf", null, null)), null);
        Person person = new Person(null, "ana", null, new Image("ana.png", null, null, null), null, null, null,
                List.of(new Credential(null, null, "vc")), null, null);

        assertThat(check(withDescriptor(descriptor))).extracting(Violation::path).containsExactly(
                "support.descriptor.additional_desc.url", "support.descriptor.media[0].url");
        assertThat(check(withPerson(person))).extracting(Violation::path).containsExactly(
                "support.agent.person.url", "support.agent.person.image.url", "support.agent.person.creds[0].url");
        assertThat(check(withFaq(new Faq("faq", null))))
                .containsExactly(violation("support.faq.url", "not an absolute http or https URL"));
    }

    @Test
    void theRatingMustParseAsARatingExpression() {
        Agent rated = new Agent("a", null, null, null, "gte 4");
        Agent malformed = new Agent("a", null, null, null, "gte x");

        assertThat(check(full().withAgent(rated))).isEmpty();
        assertThat(check(full().withAgent(malformed))).containsExactly(
                violation("support.agent.rating", "not a rating value: expected a number at column 4"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/pdf", "text/html", "image/svg+xml", "application/vnd.ms-excel"})
    void aMediaTypeIsTypeSlashSubtype(String type) {
        assertThat(check(withFaq(new Faq(null, type)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdf", "text/", "/html", "text/html/x", "text/html; charset=utf-8", "text /html"})
    void anythingElseIsNotAMediaType(String type) {
        assertThat(check(withFaq(new Faq(null, type))))
                .containsExactly(violation("support.faq.mime_type", "not a media type (type/subtype)"));
    }

    @Test
    void aMediaFileMimetypeIsAMediaType() {
        MediaFile good = new MediaFile("video/mp4", null, null, null);
        MediaFile bad = new MediaFile("mp4", null, null, null);
        Descriptor descriptor = new Descriptor(null, null, null, null, null, List.of(good, bad), null);

        assertThat(check(withDescriptor(descriptor)))
                .containsExactly(violation("support.descriptor.media[1].mimetype", "not a media type (type/subtype)"));
    }

    @ParameterizedTest
    @CsvSource({"xs, true", "sm, true", "md, true", "lg, true", "xl, true", "custom, true", "XS, false",
            "huge, false", "'', false"})
    void anImageSizeTypeIsOneOfTheContractSizes(String sizeType, boolean valid) {
        Descriptor descriptor = descriptorWithImage(new Image(null, sizeType, null, null));

        assertThat(check(withDescriptor(descriptor))).isEqualTo(valid ? List.of() : List.of(
                violation("support.descriptor.images[0].size_type", "not one of xs, sm, md, lg, xl, custom")));
    }

    @ParameterizedTest
    @CsvSource({"text/plain, true", "text/html, true", "application/json, true", "text/xml, false",
            "TEXT/PLAIN, false"})
    void anAdditionalDescriptionContentTypeIsOneOfThree(String contentType, boolean valid) {
        Descriptor descriptor = new Descriptor(null, null, null, null, new AdditionalDesc(null, contentType), null,
                null);

        assertThat(check(withDescriptor(descriptor))).isEqualTo(valid ? List.of() : List.of(violation(
                "support.descriptor.additional_desc.content_type",
                "not one of text/plain, text/html, application/json")));
    }

    @ParameterizedTest
    @CsvSource({"1990-02-28, true", "2000-02-29, true", "1990-02-30, false", "28/02/1990, false",
            "1990-2-28, false", "yesterday, false"})
    void aDateOfBirthIsAStrictIsoDate(String dob, boolean valid) {
        assertThat(check(withPerson(person(null, dob, null)))).isEqualTo(valid ? List.of() : List.of(
                violation("support.agent.person.dob", "not an ISO 8601 date (yyyy-mm-dd)")));
    }

    @ParameterizedTest
    @CsvSource({"P42Y, true", "P3Y6M, true", "P2W, true", "PT36H, true", "P1DT2H, true", "P0D, true",
            "42, false", "P, false", "PT, false", "-P1Y, false", "P-1D, false", "P1Y2DT3H, false", "42 years, false",
            "P999999999W, false", "PT9999999999999999999H, false"})
    void anAgeIsANonNegativeIsoDuration(String age, boolean valid) {
        assertThat(check(withPerson(person(age, null, null)))).isEqualTo(valid ? List.of() : List.of(
                violation("support.agent.person.age", "not a non-negative ISO 8601 duration (e.g. P42Y)")));
    }

    @Test
    void namesAndCodesAreAtMost256Characters() {
        Descriptor atLimit = new Descriptor("n".repeat(256), "c".repeat(256), null, null, null, null, null);
        Descriptor over = new Descriptor("n".repeat(257), "c".repeat(300), null, null, null, null, null);

        assertThat(check(withDescriptor(atLimit))).isEmpty();
        assertThat(check(withDescriptor(over))).containsExactly(
                violation("support.descriptor.name", "longer than 256 characters"),
                violation("support.descriptor.code", "longer than 256 characters"));
    }

    @Test
    void descriptionsAreAtMost4096Characters() {
        Descriptor atLimit = new Descriptor(null, null, "s".repeat(4096), "l".repeat(4096), null, null, null);
        Descriptor over = new Descriptor(null, null, "s".repeat(4097), null, null, null, null);

        assertThat(check(withDescriptor(atLimit))).isEmpty();
        assertThat(check(withDescriptor(over)))
                .containsExactly(violation("support.descriptor.short_desc", "longer than 4096 characters"));
    }

    @Test
    void aLengthBoundIsReportedBeforeTheFormat() {
        Agent agent = new Agent("a", null, null, null, " ".repeat(300));

        assertThat(check(full().withAgent(agent)))
                .containsExactly(violation("support.agent.rating", "longer than 256 characters"));
    }

    @Test
    void aListIsAtMost32ItemsAndItsItemsAreThenNotExamined() {
        List<Language> atLimit = Collections.nCopies(32, new Language("en", null));
        List<Language> over = Collections.nCopies(33, new Language("x".repeat(300), null));

        assertThat(check(withPerson(person(null, null, atLimit)))).isEmpty();
        assertThat(check(withPerson(person(null, null, over))))
                .containsExactly(violation("support.agent.person.languages", "more than 32 items"));
    }

    @Test
    void anItemIsReportedWithItsIndex() {
        List<Language> languages = List.of(new Language("en", null), new Language("fr", null),
                new Language("x".repeat(257), "Klingon"));

        assertThat(check(withPerson(person(null, null, languages))))
                .containsExactly(violation("support.agent.person.languages[2].code", "longer than 256 characters"));
    }

    @Test
    void theOrganizationIsCheckedAtItsPaths() {
        Organization organization = new Organization(descriptorWithImage(new Image(null, "huge", null, null)),
                "a".repeat(4097), new Region("n", "s".repeat(257)), new City("c".repeat(257), "BLR"),
                new Contact("x", null));

        assertThat(check(full().withAgent(new Agent("a", null, null, organization, null))))
                .extracting(Violation::path).containsExactly(
                        "support.agent.organization.descriptor.images[0].size_type",
                        "support.agent.organization.address",
                        "support.agent.organization.state.code",
                        "support.agent.organization.city.name",
                        "support.agent.organization.contact.phone");
    }

    @Test
    void everyViolationIsReportedInWalkOrder() {
        Support support = new Support(Descriptor.named("n".repeat(257)), "order-43", "phone",
                new Chat("chat", null), new Faq(null, "pdf"), Agent.withId("agent 7"));

        assertThat(check(support)).extracting(Violation::path).containsExactly("support.descriptor.name",
                "support.order_id", "support.callback_phone", "support.chat.url", "support.faq.mime_type",
                "support.agent.id");
    }

    @Test
    void aBareAgentIsReportedBelowAgent() {
        Agent agent = new Agent("agent 7", null, new Contact(null, "ana"), null, "gte x");

        assertThat(Validation.agent(agent)).extracting(Violation::path)
                .containsExactly("agent.id", "agent.contact.email", "agent.rating");
        assertThat(Validation.agent(full().agent())).isEmpty();
    }

    @Test
    void requireNoneThrowsWithEveryViolationInTheMessage() {
        List<Violation> violations = check(withPhone("phone").withOrderId("order-43"));

        assertThatThrownBy(() -> Validation.requireNone(violations))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        error -> assertThat(error.violations()).isEqualTo(violations))
                .hasMessage("support.order_id: does not match the order id in the path; "
                        + "support.callback_phone: not a phone number");
    }

    @Test
    void requireNoneAcceptsNoViolations() {
        assertThatCode(() -> Validation.requireNone(List.of())).doesNotThrowAnyException();
    }

    @Test
    void anInvalidInputHasAtLeastOneViolation() {
        assertThatThrownBy(() -> new InvalidInputException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
