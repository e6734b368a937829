package io.supportflow.engine.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.Optional;

/**
 * The binding's meter ({@value #REQUESTS}: requests answered by the handler, by status; the server's own answers to
 * requests it cannot parse are not counted) and {@code GET /metrics}: the Prometheus text of the engine's registry
 * when it is a {@link PrometheusMeterRegistry} or a composite holding one.
 */
final class Metrics {
    static final String REQUESTS = "supportflow.http.requests";

    private final MeterRegistry registry;

    Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void answered(int status) {
        Counter.builder(REQUESTS).description("HTTP requests answered, by status").tag("status", Integer.toString(status))
                .register(registry).increment();
    }

    /**
     * The Prometheus text of {@code registry}.
     *
     * @throws Failure.Rejected ROUTE_NOT_FOUND when it holds no Prometheus registry
     */
    static String scrape(MeterRegistry registry) {
        return prometheus(registry).map(PrometheusMeterRegistry::scrape).orElseThrow(() -> Failure.of(
                TransportError.ROUTE_NOT_FOUND, "this server keeps no Prometheus metrics; serve it with supportflow.jar,"
                        + " or build the engine with meterRegistry(new PrometheusMeterRegistry(…))", null).rejected());
    }

    private static Optional<PrometheusMeterRegistry> prometheus(MeterRegistry registry) {
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            return Optional.of(prometheus);
        }
        if (registry instanceof CompositeMeterRegistry composite) {
            return composite.getRegistries().stream().map(Metrics::prometheus).flatMap(Optional::stream).findFirst();
        }
        return Optional.empty();
    }
}
