package io.supportflow.benchmarks;

import io.supportflow.engine.SupportEngine;
import io.supportflow.persistence.Stores;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One engine process of {@link PostgresProcesses}: opens an engine on the database, prints {@code ready}, waits for a
 * line on standard input, then runs {@code clients} threads through {@link OrderCycle} on orders of its own: a warm-up
 * (not counted, so that the JIT has compiled the command path), then the measured time; prints
 * {@code commands <count completed in the measured time>} and exits. Arguments: JDBC URL, process index, clients,
 * warm-up milliseconds, measured milliseconds.
 */
public final class PostgresLoad {

    private PostgresLoad() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String process = args[1];
        int clients = Integer.parseInt(args[2]);
        long warmUp = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[3]));
        long measured = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[4]));
        try (SupportEngine engine = SupportEngine.builder().store(Stores.openPostgres(url)).build()) {
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            System.out.println("commands " + run(engine, process, clients, warmUp, measured));
            System.out.flush();
        }
    }

    private static long run(SupportEngine engine, String process, int clients, long warmUp, long measured)
            throws InterruptedException {
        LongAdder commands = new LongAdder();
        long counted = System.nanoTime() + warmUp;
        long deadline = counted + measured;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String prefix = "p" + process + "-c" + c + "-";
            Thread thread = new Thread(() -> {
                for (long order = 0; System.nanoTime() < deadline; order++) {
                    for (int step = 0; step < OrderCycle.LENGTH && System.nanoTime() < deadline; step++) {
                        engine.execute(OrderCycle.command(prefix + order, step));
                        if (System.nanoTime() >= counted) {
                            commands.increment();
                        }
                    }
                }
            }, "client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return commands.sum();
    }
}
