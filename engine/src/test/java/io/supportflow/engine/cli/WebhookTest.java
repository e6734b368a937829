package io.supportflow.engine.cli;

import com.sun.net.httpserver.HttpServer;
import io.supportflow.engine.TransitionEvent;
import io.supportflow.spec.lifecycle.Actor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookTest {
    private static final TransitionEvent EVENT = new TransitionEvent("o-1", "open", "NONE", "OPEN", 1,
            Instant.parse("2026-12-03T10:00:00Z"), Actor.CUSTOMER);

    @Test
    void anEventIsPostedAsJsonAndAnAnswerOtherThan2xxThrowsSoTheOutboxRetriesIt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> bodies = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            try (exchange) {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            }
        });
        server.start();
        try {
            Webhook webhook = Webhook.to("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
            assertThatThrownBy(() -> webhook.onTransition(EVENT)).isInstanceOf(IOException.class)
                    .hasMessageContaining("answered 503 to order o-1 version 1");
            webhook.onTransition(EVENT);
            assertThat(bodies).hasSize(2).allSatisfy(body -> assertThat(body).isEqualTo("{\"order_id\":\"o-1\","
                    + "\"version\":1,\"event\":\"open\",\"from\":\"NONE\",\"to\":\"OPEN\","
                    + "\"at\":\"2026-12-03T10:00:00Z\",\"actor\":\"CUSTOMER\"}"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aWebhookThatIsNotAnHttpUrlIsAUsageError() {
        assertThatThrownBy(() -> Webhook.to("ftp://example.org/x")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--webhook must be an http or https URL");
        assertThatThrownBy(() -> Webhook.to("not a url")).isInstanceOf(UsageException.class);
    }
}
