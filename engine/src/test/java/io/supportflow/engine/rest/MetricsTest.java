package io.supportflow.engine.rest;

import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.supportflow.engine.MutableClock;
import io.supportflow.engine.SupportEngine;
import io.supportflow.persistence.Stores;
import io.supportflow.spec.lifecycle.Lifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /metrics}: the engine's and the binding's meters in Prometheus text, moving by exactly what the
 * commands and requests did; and README's list of metrics is the list of meters the engine and binding register.
 */
class MetricsTest {
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Path README = Path.of("..", "README.md");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SupportEngine engine = SupportEngine.builder().store(Stores.inMemory()).clock(clock)
            .lifecycle(Lifecycle.standard().extend("idle").policies(p -> p.withIdleTimeout(Duration.ofMinutes(30)))
                    .build())
            .meterRegistry(registry).manualScheduling().build();
    private final RestServer server = start(engine);
    private final HttpClient client = HttpClient.newHttpClient();

    private static RestServer start(SupportEngine engine) {
        try {
            return RestServer.start(engine, RestOptions.defaults().withPort(0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.uri() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every sample of a scrape, by name and labels sorted ({@code name{a=x,b=y}}). */
    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = send("GET", "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        Map<String, Double> samples = new HashMap<>();
        response.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            TreeSet<String> labels = new TreeSet<>();
            Matcher label = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
            while (label.find()) {
                labels.add(label.group(1) + "=" + label.group(2));
            }
            samples.put(m.group(1) + "{" + String.join(",", labels) + "}", Double.parseDouble(m.group(3)));
        });
        return samples;
    }

    private static double rise(Map<String, Double> before, Map<String, Double> after, String sample) {
        assertThat(after).as("samples after").containsKey(sample);
        return after.get(sample) - before.getOrDefault(sample, 0.0);
    }

    private static String commands(String event, String outcome, String code) {
        return "supportflow_commands_seconds_count{code=" + code + ",event=" + event + ",outcome=" + outcome + "}";
    }

    @Test
    void theCountersRiseByWhatTheCommandsAndRequestsDid() throws Exception {
        Map<String, Double> before = scrape();

        assertThat(send("POST", "/support/m-1").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/support/m-2").statusCode()).isEqualTo(201);
        assertThat(send("POST", "/support/m-1").statusCode()).isEqualTo(409);
        assertThat(send("DELETE", "/support/m-2").statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/support/m-2").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/support/m-3").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/support/m-4/events/no-such-event").statusCode()).isEqualTo(404);
        clock.advance(Duration.ofMinutes(31));
        Map<String, Double> after = scrape();

        assertThat(rise(before, after, commands("open", "accepted", "none"))).isEqualTo(2);
        assertThat(rise(before, after, commands("open", "refused", "SESSION_ALREADY_OPEN"))).isEqualTo(1);
        assertThat(rise(before, after, commands("close", "accepted", "none"))).isEqualTo(1);
        assertThat(rise(before, after, commands("close", "unchanged", "none"))).isEqualTo(1);
        assertThat(rise(before, after, commands("other", "refused", "SUPPORT_NOT_FOUND"))).isEqualTo(1);
        assertThat(rise(before, after, "supportflow_commit_batch_count{}")).isEqualTo(3);
        assertThat(rise(before, after, "supportflow_commit_batch_sum{}")).isEqualTo(3);
        assertThat(rise(before, after, "supportflow_commit_write_seconds_count{}")).isEqualTo(3);
        assertThat(rise(before, after, "supportflow_http_requests_total{status=201}")).isEqualTo(2);
        assertThat(rise(before, after, "supportflow_http_requests_total{status=409}")).isEqualTo(1);
        assertThat(rise(before, after, "supportflow_http_requests_total{status=404}")).isEqualTo(2);
        assertThat(rise(before, after, "supportflow_http_requests_total{status=200}")).as("2 DELETEs, 1 scrape")
                .isEqualTo(3);
        assertThat(after.get("supportflow_outbox_pending{}")).isEqualTo(3);
        assertThat(after.get("supportflow_outbox_lag_seconds{}")).isCloseTo(31 * 60, within(1e-6));
        assertThat(after.get("supportflow_timers_due{}")).as("m-1 idle for 31 minutes").isEqualTo(1);

        engine.deliverOutbox();
        assertThat(engine.fireDueTimers()).isEqualTo(1);
        Map<String, Double> drained = scrape();
        assertThat(drained.get("supportflow_outbox_pending{}")).as("m-1's idle timeout").isEqualTo(1);
        assertThat(drained.get("supportflow_timers_due{}")).isZero();
        assertThat(rise(after, drained, commands("idleTimeout", "accepted", "none"))).isEqualTo(1);
    }

    @Test
    void theReadmeListsEveryMeterWithItsTypeAndTags() throws Exception {
        send("POST", "/support/m-1");
        send("POST", "/support/m-1");
        scrape();

        Set<String> registered = registry.getMeters().stream().map(MetricsTest::describe)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(readmeMetrics()).isEqualTo(registered);
    }

    private static String describe(Meter meter) {
        String type = meter.getId().getType().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String tags = meter.getId().getTags().stream().map(tag -> tag.getKey()).sorted()
                .collect(Collectors.joining(", "));
        return meter.getId().getName() + " | " + type + " | " + (tags.isEmpty() ? "none" : tags);
    }

    /** The rows of README's "Metrics" table as {@code name | type | tags}. */
    private static Set<String> readmeMetrics() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n## Metrics\n");
        assertThat(start).as("README has a Metrics section").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> rows = new TreeSet<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length > 4 && cells[1].trim().startsWith("`supportflow.")) {
                String tags = Arrays.stream(cells[4].split(",")).map(t -> t.replace("`", "").trim()).sorted()
                        .collect(Collectors.joining(", "));
                rows.add(cells[1].replace("`", "").trim() + " | " + cells[3].trim() + " | " + tags);
            }
        }
        return rows;
    }
}
