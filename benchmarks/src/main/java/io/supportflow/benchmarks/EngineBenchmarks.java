package io.supportflow.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import java.util.concurrent.TimeUnit;

/**
 * supportflow's engine: one benchmark operation is one command of {@link OrderCycle} (open → update → assign →
 * close, then the client's next order). Iterations, forks and threads come from {@link Suite}.
 */
public class EngineBenchmarks {

    /** Durable engine, per-command latency (single client). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void durableLatency(DurableEngine engine, Client client) {
        client.advance();
        engine.execute(OrderCycle.command(client.orderId(), client.step()));
    }

    /** Durable engine, commands per second over all clients, each on its own orders. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void durableThroughput(DurableEngine engine, Client client) {
        client.advance();
        engine.execute(OrderCycle.command(client.orderId(), client.step()));
    }

    /** Engine on the PostgreSQL store, commands per second over all clients, each on its own orders. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void postgresThroughput(PostgresEngine engine, Client client) {
        client.advance();
        engine.execute(OrderCycle.command(client.orderId(), client.step()));
    }

    /** Engine on the in-memory store, commands per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void inMemoryThroughput(MemoryEngine engine, Client client) {
        client.advance();
        engine.execute(OrderCycle.command(client.orderId(), client.step()));
    }
}
