package io.supportflow.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supportflow.engine.TransitionEvent;
import io.supportflow.engine.TransitionListener;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code serve --webhook URL}: each transition event POSTed to the URL as one JSON object ({@code order_id},
 * {@code version}, {@code event}, {@code from}, {@code to}, {@code at}, {@code actor}). An answer other than 2xx, a
 * connection failure or no answer within {@link #TIMEOUT} throws, so the engine's outbox retries the order's event
 * (with backoff; its later events wait) until a 2xx: at least once, per order in version order, also after a restart
 * or, with several processes on one store, by the process that takes the order's outbox over.
 */
final class Webhook implements TransitionListener {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private Webhook(URI target) {
        this.target = target;
    }

    /** The webhook for {@code url}; a URL that is not absolute http(s) is a {@link UsageException}. */
    static Webhook to(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new UsageException("--webhook must be an http or https URL, not '" + url + "'");
            }
            return new Webhook(uri);
        } catch (URISyntaxException e) {
            throw new UsageException("--webhook must be an http or https URL, not '" + url + "'");
        }
    }

    @Override
    public void onTransition(TransitionEvent event) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(event))).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("webhook " + target + " answered " + response.statusCode() + " to order "
                    + event.orderId() + " version " + event.version());
        }
    }

    static String json(TransitionEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("order_id", event.orderId());
        node.put("version", event.version());
        node.put("event", event.event());
        node.put("from", event.from());
        node.put("to", event.to());
        node.put("at", event.at().toString());
        node.put("actor", event.actor().name());
        return node.toString();
    }

    @Override
    public String toString() {
        return "webhook " + target;
    }
}
