package io.supportflow.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The receiving end of {@code serve --webhook}: records every event POSTed to it, in arrival order, and answers 204
 * once the whole body is read. Thread-safe.
 */
final class EventReceiver implements AutoCloseable {
    /** One event as received. */
    record Delivery(String orderId, long version, String event) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Delivery> received = new ArrayList<>();

    private EventReceiver(HttpServer server) {
        this.server = server;
    }

    static EventReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        EventReceiver receiver = new EventReceiver(server);
        server.createContext("/events", receiver::handle);
        server.setExecutor(receiver.threads);
        server.start();
        return receiver;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/events");
    }

    synchronized List<Delivery> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode event = JSON.readTree(exchange.getRequestBody().readAllBytes());
            synchronized (this) {
                received.add(new Delivery(event.get("order_id").asText(), event.get("version").asLong(),
                        event.get("event").asText()));
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
