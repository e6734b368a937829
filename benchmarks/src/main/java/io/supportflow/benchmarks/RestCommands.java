package io.supportflow.benchmarks;

/**
 * Issue 14's REST figure: commands per second the REST binding serves, as {@code serve} runs it ({@link
 * ServeProcess}), to {@code wrk} ({@link Wrk}) with one connection per client, each walking its own orders through
 * {@link OrderCycle}. A warm-up run, then the measured run, on the same server and on orders of their own.
 *
 * <p>wrk ends a run with a request in flight on every connection; the server still handles those while the measured
 * run's connections send theirs, so for that moment twice as many requests wait as there are connections. The
 * server's request queue is sized for that ({@code --queue} 2 × connections, default 64); in the measured run itself
 * at most one request per connection waits, so the size changes nothing else.
 */
final class RestCommands {

    private RestCommands() {
    }

    /**
     * Measures; the server and its store are gone afterwards.
     *
     * @throws IllegalStateException when wrk is missing and cannot be installed, the server fails, any request of
     *                               either run was refused or failed (see {@link Wrk#run}), or the measured run
     *                               received no response at all
     */
    static Wrk.Result measure(int connections, int warmUpSeconds, int seconds) {
        Wrk wrk = Wrk.onPath();
        try (ServeProcess server = ServeProcess.start(queue(connections))) {
            wrk.run(server.uri(), connections, warmUpSeconds, "warm");
            Wrk.Result measured = wrk.run(server.uri(), connections, seconds, "measured");
            if (measured.responses() == 0) {
                throw new IllegalStateException("the REST binding answered no request in the measured " + seconds
                        + " s run");
            }
            return measured;
        }
    }

    /** The server's request queue for {@code connections}: room for the measured run's and the warm-up's. */
    static int queue(int connections) {
        return 2 * connections;
    }
}
