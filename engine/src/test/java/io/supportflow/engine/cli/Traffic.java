package io.supportflow.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * REST clients driving shared and separate orders through whichever serve process {@link ServeProcesses#anyUp()}
 * names: open (some with an agent), update (each with a unique descriptor name), assign, unassign and close on
 * orders every client shares, and a lifecycle per order of its own, some of them left idle for the idle timers. Each
 * 2xx answer is recorded as an {@link Ack} with its version; an answer that is neither 2xx nor an expected refusal is
 * recorded as unexpected; a request whose process died under it has an unknown outcome and is only counted.
 */
final class Traffic {
    /** What a 2xx answer acknowledged: {@code expectedEvent} (null for close/unassign, which may be no-ops). */
    record Ack(String orderId, long version, String state, String command, String expectedEvent, String agentId,
               String descriptorName) {
    }

    /** Refusals a client can meet when it races other clients: the session moved on under it. */
    static final Set<String> EXPECTED_REFUSALS = Set.of("404 SUPPORT_NOT_FOUND", "409 SESSION_ALREADY_OPEN",
            "409 SESSION_CLOSED", "409 ILLEGAL_TRANSITION", "422 AGENT_AT_CAPACITY");
    static final List<String> AGENTS = List.of("agent-0", "agent-1", "agent-2", "agent-3");
    static final int SHARED_ORDERS = 6;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ServeProcesses processes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Ack> acks = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();
    private final AtomicInteger unknown = new AtomicInteger();
    private final AtomicInteger names = new AtomicInteger();
    private volatile boolean stopping;

    Traffic(ServeProcesses processes) {
        this.processes = processes;
    }

    /** One client until {@link #stop()}: half its commands on the shared orders, half on orders of its own. */
    void client(int client, long seed) {
        Random random = new Random(seed);
        int own = 0;
        int step = 0;
        while (!stopping) {
            if (random.nextBoolean()) {
                shared(random);
                continue;
            }
            String order = "c" + client + "-" + own;
            switch (step++) {
                case 0 -> send(order, "POST", "", random.nextInt(3) == 0 ? "{\"agent\":" + agentJson(random) + "}"
                        : "{}", "open");
                case 1 -> send(order, "PUT", "", descriptorJson(), "update");
                case 2 -> send(order, "PUT", "/agent", agentJson(random), "assign");
                default -> {
                    if (random.nextInt(3) > 0) {
                        send(order, "DELETE", "", null, "close");
                    } // else: left idle, for its timers to close it
                    own++;
                    step = 0;
                }
            }
        }
    }

    private void shared(Random random) {
        String order = "shared-" + random.nextInt(SHARED_ORDERS);
        switch (random.nextInt(5)) {
            case 0 -> send(order, "POST", "", random.nextBoolean() ? "{\"agent\":" + agentJson(random) + "}" : "{}",
                    "open");
            case 1 -> send(order, "PUT", "", descriptorJson(), "update");
            case 2 -> send(order, "PUT", "/agent", agentJson(random), "assign");
            case 3 -> send(order, "DELETE", "/agent", null, "unassign");
            default -> send(order, "DELETE", "", null, "close");
        }
    }

    private String agentJson(Random random) {
        return "{\"id\":\"" + AGENTS.get(random.nextInt(AGENTS.size())) + "\"}";
    }

    private String descriptorJson() {
        return "{\"descriptor\":{\"name\":\"n-" + names.incrementAndGet() + "\"}}";
    }

    private void send(String order, String method, String suffix, String json, String command) {
        URI base = processes.anyUp();
        if (base == null) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/support/" + order + suffix)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            record(order, method + " " + suffix, command, json, response);
        } catch (IOException diedUnderIt) {
            unknown.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private void record(String order, String request, String command, String json, HttpResponse<String> response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException notJson) {
            body = JSON.nullNode();
        }
        int status = response.statusCode();
        if (status / 100 != 2 || !body.has("version")) {
            if (!EXPECTED_REFUSALS.contains(status + " " + body.path("code").asText())) {
                synchronized (this) {
                    unexpected.add(request + " " + order + " (" + json + "): " + status + " " + response.body());
                }
            }
            return;
        }
        String expectedEvent = command.equals("close") || command.equals("unassign") ? null : command;
        JsonNode sent = json == null ? JSON.nullNode() : parse(json);
        String agent = command.equals("assign") ? sent.path("id").asText()
                : sent.path("agent").path("id").asText(null);
        Ack ack = new Ack(order, body.path("version").asLong(), body.path("state").asText(), request, expectedEvent,
                agent, sent.path("descriptor").path("name").asText(null));
        synchronized (this) {
            acks.add(ack);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        stopping = true;
    }

    synchronized List<Ack> acks() {
        return List.copyOf(acks);
    }

    synchronized int ackCount() {
        return acks.size();
    }

    synchronized List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    int unknownOutcomes() {
        return unknown.get();
    }
}
