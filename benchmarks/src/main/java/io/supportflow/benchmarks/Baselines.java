package io.supportflow.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * The baselines, measured in the same run as the engine: one benchmark operation is one command of
 * {@link OrderCycle}. Iterations, forks and threads come from {@link Suite}.
 */
public class Baselines {

    /** The disk's floor: a small write and fsync per operation, per-operation latency (single client). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void rawFsync(RawFsync file) throws IOException {
        file.writeAndSync();
    }

    /** Raw MapDB put + commit per command, per-command latency (single client). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void rawMapDbCommit(RawMapDb store, Client client) {
        client.advance();
        store.write(client.orderId(), client.step());
    }

    /** Raw JDBC: a command's rows written and committed in one PostgreSQL transaction, commands per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void rawJdbcCommit(RawJdbc database, Client client) throws SQLException {
        client.advance();
        database.write(client.orderId(), client.step());
    }

    /** Naive Spring-per-entity with a MapDB commit per command, commands per second over all clients. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void naiveSpringPerEntity(NaiveSpring spring, Client client) throws Exception {
        client.advance();
        spring.handle(client.orderId(), OrderCycle.event(client.step()));
    }

    /** Bare Spring restore → sendEvent → persist in memory, commands per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void bareSpringInMemory(BareSpring spring, Client client) {
        client.advance();
        spring.handle(client.orderId(), OrderCycle.event(client.step()));
    }
}
