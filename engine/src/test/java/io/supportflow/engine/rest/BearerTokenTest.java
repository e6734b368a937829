package io.supportflow.engine.rest;

import io.supportflow.engine.rest.RestFixture.Answer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenTest {
    private static final String TOKEN = "s3cret-token-of-some-length";

    @Test
    void theTokenIsAcceptedOnlyExactlyAndWithTheBearerScheme() {
        BearerToken token = new BearerToken(TOKEN);

        assertThat(token.accepts("Bearer " + TOKEN)).isTrue();
        assertThat(token.accepts("bearer " + TOKEN)).isTrue();
        assertThat(token.accepts("Bearer " + TOKEN + "x")).isFalse();
        assertThat(token.accepts("Bearer " + TOKEN.substring(1))).isFalse();
        assertThat(token.accepts("Basic " + TOKEN)).isFalse();
        assertThat(token.accepts(TOKEN)).isFalse();
        assertThat(token.accepts("Bearer ")).isFalse();
        assertThat(token.accepts(null)).isFalse();
    }

    @Test
    void withATokenEveryRequestWithoutItIs401AndChangesNothing() {
        try (RestFixture rest = RestFixture.start(TOKEN)) {
            rest.send("POST", "/support/o-1", "{}");
            var before = rest.snapshot("o-1");

            for (String authorization : new String[] {null, "Bearer wrong", "Basic " + TOKEN}) {
                for (String[] call : new String[][] {{"GET", "/health"}, {"GET", "/support/o-1"},
                        {"DELETE", "/support/o-1"}, {"PUT", "/support/o-1/agent"}, {"GET", "/nowhere"}}) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rest.server.uri() + call[1]))
                            .method(call[0], HttpRequest.BodyPublishers.ofString("{\"id\":\"a-1\"}"));
                    if (authorization != null) {
                        request.header("Authorization", authorization);
                    }
                    Answer answer = rest.exchangeRaw(request.build());

                    assertThat(answer.status()).isEqualTo(401);
                    assertThat(answer.text("code")).isEqualTo("UNAUTHORIZED");
                    assertThat(answer.text("paths")).isEqualTo("Authorization");
                    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
                }
            }
            assertThat(rest.snapshot("o-1")).isEqualTo(before);
        }
    }

    @Test
    void withTheTokenRequestsAreServed() {
        try (RestFixture rest = RestFixture.start(TOKEN)) {
            assertThat(rest.send("POST", "/support/o-1", "{}").status()).isEqualTo(201);
            assertThat(rest.get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    void optionsNeverPrintTheToken() {
        assertThat(RestOptions.defaults().withBearerToken(TOKEN).toString()).doesNotContain(TOKEN).contains("set");
    }
}
