package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Chat;
import io.supportflow.spec.govstack.Descriptor;
import io.supportflow.spec.govstack.Faq;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.model.Session;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GovStackJsonTest {

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Failure refusalOf(Runnable read) {
        return catchThrowableOfType(Failure.Rejected.class, read::run).failure();
    }

    @Test
    void readsTheContractsSnakeCaseNames() {
        Support support = GovStackJson.readSupport(json("""
                {"order_id":"o-1","callback_phone":"+911234567890",
                 "descriptor":{"name":"Late delivery","short_desc":"parcel late","images":[{"url":"https://x/i.png","size_type":"sm"}]},
                 "chat":{"url":"https://chat.example/1","session_id":"s-1"},
                 "faq":{"url":"https://example/faq","mime_type":"text/html"},
                 "agent":{"id":"a-1","contact":{"phone":"+911","email":"a@x","jcard":{"ignored":true}},"rating":"gte 4"}}
                """));

        assertThat(support.orderId()).isEqualTo("o-1");
        assertThat(support.callbackPhone()).isEqualTo("+911234567890");
        assertThat(support.descriptor().shortDesc()).isEqualTo("parcel late");
        assertThat(support.descriptor().images().get(0).sizeType()).isEqualTo("sm");
        assertThat(support.chat()).isEqualTo(new Chat("https://chat.example/1", "s-1"));
        assertThat(support.faq()).isEqualTo(new Faq("https://example/faq", "text/html"));
        assertThat(support.agent().contact().email()).isEqualTo("a@x");
        assertThat(support.agent().rating()).isEqualTo("gte 4");
    }

    @Test
    void anEmptyBodyIsAnEmptySupport() {
        assertThat(GovStackJson.readSupport(new byte[0])).isEqualTo(new Support(null, null, null, null, null, null));
    }

    @Test
    void writesSnakeCaseWithoutNullsOrEmptyListsAndAddsStateAndVersion() {
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        Support details = new Support(Descriptor.named("Late delivery"), "o-1", "+911", null,
                new Faq("https://example/faq", "text/html"), null);
        Session session = new Session("o-1", "ASSIGNED", 3, details, Agent.withId("a-1"), t, t, null, null);

        JsonNode node = GovStackJson.sessionNode(session);

        assertThat(node.toString()).isEqualTo("{\"descriptor\":{\"name\":\"Late delivery\"},\"order_id\":\"o-1\","
                + "\"callback_phone\":\"+911\",\"faq\":{\"url\":\"https://example/faq\",\"mime_type\":\"text/html\"},"
                + "\"agent\":{\"id\":\"a-1\"},\"state\":\"ASSIGNED\",\"version\":3}");
    }

    @Test
    void malformedJsonIsRefusedNamingTheBody() {
        Failure failure = refusalOf(() -> GovStackJson.readSupport(json("{\"order_id\": ")));

        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.code()).isEqualTo("INVALID_INPUT");
        assertThat(failure.paths()).isEqualTo("body");
        assertThat(failure.message()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertThat(refusalOf(() -> GovStackJson.readSupport(json("[1,2]"))).message()).contains("not an array");
        assertThat(refusalOf(() -> GovStackJson.readSupport(json("\"x\""))).paths()).isEqualTo("body");
    }

    @Test
    void aNumberWhereAStringBelongsIsRefusedNamingTheField() {
        Failure failure = refusalOf(() -> GovStackJson.readSupport(json("{\"callback_phone\": 12345}")));

        assertThat(failure.paths()).isEqualTo("callback_phone");
        assertThat(failure.message()).startsWith("callback_phone: expected a string");
    }

    @Test
    void wrongTypesDeepInsideNameTheirFullPath() {
        assertThat(refusalOf(() -> GovStackJson.readSupport(
                json("{\"descriptor\":{\"images\":[{\"url\":\"u\"},{\"url\":true}]}}"))).paths())
                .isEqualTo("descriptor.images[1].url");
        assertThat(refusalOf(() -> GovStackJson.readSupport(json("{\"agent\":\"bob\"}"))).paths())
                .isEqualTo("agent");
        assertThat(refusalOf(() -> GovStackJson.readSupport(json("{\"descriptor\":{\"images\":{}}}"))).message())
                .isEqualTo("descriptor.images: expected an array. " + io.supportflow.spec.govstack.ErrorCode
                        .INVALID_INPUT.nextStep());
    }

    @Test
    void duplicateKeysAndTrailingContentAreRefused() {
        assertThat(refusalOf(() -> GovStackJson.readSupport(json("{\"order_id\":\"a\",\"order_id\":\"b\"}")))
                .paths()).isEqualTo("body");
        assertThat(refusalOf(() -> GovStackJson.readSupport(json("{} {}"))).paths()).isEqualTo("body");
    }

    @Test
    void refusalsNeverMentionJavaTypes() {
        Failure failure = refusalOf(() -> GovStackJson.readSupport(json("{\"agent\":{\"person\":[1]}}")));

        assertThat(failure.message()).doesNotContain("java.").doesNotContain("io.supportflow").doesNotContain("`");
    }

    @Test
    void theAgentBodyIsReadAsASupportWhenItHasASupportOnlyKey() {
        assertThat(GovStackJson.readAgentBody(json("{\"agent\":{\"id\":\"a-1\"},\"order_id\":\"o-1\"}")))
                .isEqualTo(new Support(null, "o-1", null, null, null, Agent.withId("a-1")));
        assertThat(GovStackJson.readAgentBody(json("{\"descriptor\":{\"name\":\"n\"}}")).agent()).isNull();
    }

    @Test
    void theAgentBodyIsReadAsABareAgentOtherwise() {
        assertThat(GovStackJson.readAgentBody(json("{\"id\":\"a-2\",\"rating\":\"4.5\"}")))
                .isEqualTo(new Support(null, null, null, null, null, new Agent("a-2", null, null, null, "4.5")));
    }

    @Test
    void aBareAgentsWrongTypesAreNamedUnderAgent() {
        assertThat(refusalOf(() -> GovStackJson.readAgentBody(json("{\"id\":7}"))).paths()).isEqualTo("agent.id");
    }
}
