package io.supportflow.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The REST binding: {@code GET /support/{orderId}} on one kept-alive connection, against the same request on a
 * fresh connection each time (connect, request with {@code Connection: close}, close). A server that delays small
 * writes on a kept-alive connection (Nagle against the client's delayed ACK) makes the first far slower than the
 * second.
 */
public class HttpBenchmarks {
    private static final String PATH = "/support/" + RestBinding.ORDER;

    /** One client's kept-alive connection. */
    @State(Scope.Thread)
    public static class KeptAlive {
        private HttpConnection connection;

        @Setup(Level.Trial)
        public void connect(RestBinding binding) throws IOException {
            connection = new HttpConnection(binding.address());
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            connection.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int keepAlive(KeptAlive client) throws IOException {
        return client.connection.get(PATH, false);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int freshConnection(RestBinding binding) throws IOException {
        try (HttpConnection connection = new HttpConnection(binding.address())) {
            return connection.get(PATH, true);
        }
    }
}
