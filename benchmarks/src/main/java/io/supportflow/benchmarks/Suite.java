package io.supportflow.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole suite: every figure of the issue beside its baseline from the same run. The heap, store and checker
 * probes run first, in this JVM, before any benchmark has left objects behind; then the JMH benchmarks.
 */
final class Suite {
    private static final double MIB = 1024.0 * 1024.0;
    private static final int HEAP_ALLOWANCE_MIB = 64;
    private static final int TARGET_CLIENTS = 64;
    private static final int GENERATED_STATES = 200;
    private static final int GENERATED_TRANSITIONS = 2_000;
    private static final int PROCESS_CLIENTS = 16;
    private static final int CHECKER_JVMS = 5;

    private final Settings settings;
    private final JmhRuns jmh;
    private final Map<Integer, Double> durableByClients = new HashMap<>();

    Suite(Settings settings) {
        this.settings = settings;
        this.jmh = new JmhRuns(settings);
    }

    /** Runs everything and returns the table, rows in the item order. */
    Report run() {
        step("items 4 and 5: opening " + count(settings.manySessions()) + " sessions through the durable engine");
        EngineStoreProbe.Figures store = EngineStoreProbe.measure(settings.fewSessions(), settings.manySessions(),
                settings.fillClients());
        step("item 5: raw MapDB with " + count(settings.manySessions()) + " records");
        RawStoreProbe.Figures rawStore = RawStoreProbe.measure(settings.manySessions());
        step("item 6: model checker");
        CheckerProbe.Figures standard = CheckerProbe.standard(CHECKER_JVMS, settings.checkerRepeats());
        CheckerProbe.Figures generated = CheckerProbe.generated(GENERATED_STATES, GENERATED_TRANSITIONS,
                CHECKER_JVMS, settings.checkerRepeats());
        step("items 1–3: JMH benchmarks");
        List<Row> rows = new ArrayList<>(oneClient());
        rows.addAll(concurrentClients());
        rows.add(inMemory());
        rows.addAll(heap(store));
        rows.addAll(store(store, rawStore));
        rows.addAll(checker(standard, generated));
        rows.add(keepAlive());
        step("item 8: PostgreSQL");
        rows.addAll(postgres());
        step("item 9: REST commands, wrk with " + TARGET_CLIENTS + " connections");
        rows.addAll(restCommands());
        return new Report(settings, rows, notes(standard, generated));
    }

    /** Item 8 alone, with its baselines (the MapDB engine's figures measured again for it). */
    Report runPostgres() {
        step("item 8: PostgreSQL");
        return new Report(settings, postgres(), List.of(postgresNote()));
    }

    private List<Row> oneClient() {
        JmhRuns.Latency engine = jmh.latency(EngineBenchmarks.class, "durableLatency");
        JmhRuns.Latency raw = jmh.latency(Baselines.class, "rawMapDbCommit");
        JmhRuns.Latency floor = jmh.latency(Baselines.class, "rawFsync");
        String baseline = "raw MapDB put+commit of the same data, commit = fsync";
        Row p50 = Row.compared(1, "durable engine, one client: p50 command latency", Figure.micros(engine.p50Micros()),
                baseline, Figure.micros(raw.p50Micros()));
        return List.of(
                Row.compared(1, "durable engine, one client: commands/s", Figure.perSecond(engine.perSecond()),
                        baseline, Figure.perSecond(raw.perSecond())),
                p50.judged("≤ 1.0×", p50.ratio() <= 1.0),
                Row.compared(1, "durable engine, one client: p99 command latency", Figure.micros(engine.p99Micros()),
                        baseline, Figure.micros(raw.p99Micros())),
                Row.compared(1, "durable engine, one client: p50 command latency", Figure.micros(engine.p50Micros()),
                        "disk floor: " + RawFsync.BYTES + " B write + fsync", Figure.micros(floor.p50Micros())));
    }

    private List<Row> concurrentClients() {
        List<Row> rows = new ArrayList<>();
        for (int clients : settings.clients()) {
            String who = clients == 1 ? "1 client" : clients + " clients";
            Row row = Row.compared(2, "durable engine, " + who + ": commands/s",
                    Figure.perSecond(durable(clients)),
                    "naive Spring per entity, " + who,
                    Figure.perSecond(jmh.throughput(Baselines.class, "naiveSpringPerEntity", clients)));
            rows.add(clients == TARGET_CLIENTS ? row.judged("≥ 20×", row.ratio() >= 20) : row);
        }
        String who = TARGET_CLIENTS + " clients";
        Row memory = Row.compared(2, "durable engine, " + who + ": commands/s",
                Figure.perSecond(durable(TARGET_CLIENTS)),
                "engine on the in-memory store, " + who,
                Figure.perSecond(jmh.throughput(EngineBenchmarks.class, "inMemoryThroughput", TARGET_CLIENTS)));
        rows.add(memory.judged("≥ 0.5×", memory.ratio() >= 0.5));
        return rows;
    }

    private Row inMemory() {
        Row row = Row.compared(3, "engine, in-memory store, 1 client: commands/s",
                Figure.perSecond(jmh.throughput(EngineBenchmarks.class, "inMemoryThroughput", 1)),
                "bare Spring restore → sendEvent → persist, in memory, 1 client",
                Figure.perSecond(jmh.throughput(Baselines.class, "bareSpringInMemory", 1)));
        return row.judged("≥ 0.8×", row.ratio() >= 0.8);
    }

    private List<Row> heap(EngineStoreProbe.Figures store) {
        long few = store.heapAtFew().bytes();
        long many = store.heapAtMany().bytes();
        long machines = store.heapAtMany().springMachines();
        String armed = " idle sessions, each with its idle timer armed";
        String fewLabel = "live heap, " + count(settings.fewSessions()) + armed;
        String manyLabel = "live heap, " + count(settings.manySessions()) + armed;
        boolean flat = many - few <= HEAP_ALLOWANCE_MIB * MIB;
        return List.of(
                Row.alone(4, fewLabel, Figure.mebibytes(few)),
                Row.compared(4, manyLabel, Figure.mebibytes(many), fewLabel, Figure.mebibytes(few))
                        .judged("≤ baseline + " + HEAP_ALLOWANCE_MIB + " MiB", flat),
                Row.compared(4, "live Spring machines, " + count(settings.manySessions()) + " sessions",
                        Figure.count(machines), "engine machine pool size", Figure.count(store.machinePoolSize()))
                        .judged("≤ pool size", machines <= store.machinePoolSize()));
    }

    private List<Row> store(EngineStoreProbe.Figures store, RawStoreProbe.Figures raw) {
        String sessions = count(settings.manySessions());
        String baseline = "raw MapDB, " + sessions + " records of an opened session's bytes";
        return List.of(
                Row.compared(5, "store files, " + sessions + " sessions", Figure.mebibytes(store.storeBytes()),
                        baseline, Figure.mebibytes(raw.fileBytes())),
                Row.compared(5, "store open time, " + sessions + " sessions", Figure.millis(store.openMillis()),
                        baseline, Figure.millis(raw.openMillis())),
                Row.alone(5, "opening " + sessions + " sessions through the engine, " + settings.fillClients()
                        + " clients: sessions/s", Figure.perSecond(settings.manySessions() / store.fillSeconds())));
    }

    private List<Row> checker(CheckerProbe.Figures standard, CheckerProbe.Figures generated) {
        String big = GENERATED_STATES + " states, " + count(GENERATED_TRANSITIONS) + " transitions";
        String fresh = " (first call in a fresh JVM, median of " + CHECKER_JVMS + ")";
        return List.of(
                Row.alone(6, "model check, standard lifecycle" + fresh, Figure.millis(standard.coldMedian()))
                        .judged("< 100 ms", standard.coldMedian() < 100),
                Row.alone(6, "Lifecycle.standard() + model check" + fresh, Figure.millis(standard.firstUseMedian())),
                Row.alone(6, "model check, standard lifecycle (warm median)", Figure.millis(standard.warmMillis()))
                        .judged("< 100 ms", standard.warmMillis() < 100),
                Row.alone(6, "model check, generated " + big + fresh, Figure.millis(generated.coldMedian()))
                        .judged("< 5 s", generated.coldMedian() < 5_000),
                Row.alone(6, "model check, generated " + big + " (warm median)", Figure.millis(generated.warmMillis()))
                        .judged("< 5 s", generated.warmMillis() < 5_000));
    }

    private Row keepAlive() {
        Row row = Row.compared(7, "REST GET /support/{orderId}, one kept-alive connection: requests/s",
                Figure.perSecond(jmh.throughput(HttpBenchmarks.class, "keepAlive", 1)),
                "the same GET on a fresh connection each (Connection: close)",
                Figure.perSecond(jmh.throughput(HttpBenchmarks.class, "freshConnection", 1)));
        return row.judged("≥ 1×", row.ratio() >= 1);
    }

    /** Item 9 (issue 14): the order cycle over REST, driven by wrk, against the Java API at the same concurrency. */
    private List<Row> restCommands() {
        Wrk.Result rest = RestCommands.measure(TARGET_CLIENTS, settings.restWarmUpSeconds(), settings.restSeconds());
        String what = "REST binding (serve, durable MapDB), wrk, " + TARGET_CLIENTS + " connections: ";
        Row row = Row.compared(9, what + "commands/s", Figure.perSecond(rest.perSecond()),
                "Java API: durable engine, " + TARGET_CLIENTS + " clients", Figure.perSecond(durable(TARGET_CLIENTS)));
        return List.of(row.judged("≥ 0.7×", row.ratio() >= 0.7),
                Row.alone(9, what + "p99 command latency", Figure.millis(rest.p99Micros() / 1000.0)));
    }

    /** Item 8 (issue 11): the PostgreSQL store against raw JDBC and the MapDB engine, and 1, 2, 3 processes. */
    private List<Row> postgres() {
        List<Row> rows = new ArrayList<>();
        for (int clients : List.of(1, TARGET_CLIENTS)) {
            String who = clients == 1 ? "1 client" : clients + " clients";
            Figure engine = Figure.perSecond(jmh.throughput(EngineBenchmarks.class, "postgresThroughput", clients));
            rows.add(Row.compared(8, "durable engine on PostgreSQL, " + who + ": commands/s", engine,
                    "raw JDBC: the command's rows in one transaction + COMMIT, " + who,
                    Figure.perSecond(jmh.throughput(Baselines.class, "rawJdbcCommit", clients))));
            rows.add(Row.compared(8, "durable engine on PostgreSQL, " + who + ": commands/s", engine,
                    "durable engine on MapDB, " + who, Figure.perSecond(durable(clients))));
        }
        Figure one = Figure.perSecond(PostgresProcesses.commandsPerSecond(1, PROCESS_CLIENTS,
                settings.processWarmUpMillis(), settings.processMillis()));
        for (int processes = 2; processes <= 3; processes++) {
            rows.add(Row.compared(8, processes + " engine processes × " + PROCESS_CLIENTS + " clients on one"
                    + " PostgreSQL database: commands/s", Figure.perSecond(PostgresProcesses.commandsPerSecond(
                            processes, PROCESS_CLIENTS, settings.processWarmUpMillis(), settings.processMillis())),
                    "1 engine process × " + PROCESS_CLIENTS + " clients", one));
        }
        return rows;
    }

    /** The durable MapDB engine's throughput at {@code clients}, measured once per suite run. */
    private double durable(int clients) {
        return durableByClients.computeIfAbsent(clients,
                c -> jmh.throughput(EngineBenchmarks.class, "durableThroughput", c));
    }

    private List<String> notes(CheckerProbe.Figures standard, CheckerProbe.Figures generated) {
        return List.of(
                "One benchmark operation is one command of the cycle open → update → assign → close; each client"
                        + " drives its own orders. Durable: a command returns only after its commit is on disk;"
                        + " every MapDB baseline uses MapDB's durable mode (file channel, transactions, commit = fsync)"
                        + " and commits each command on its own.",
                "One-client commands/s is 1 / the mean sampled command time (JMH SampleTime); p50 and p99 are JMH's"
                        + " sampled percentiles. Concurrent and in-memory figures are JMH Throughput over all clients.",
                "Live heap: total bytes of the JVM's class histogram after a full GC (GC.class_histogram, as"
                        + " jmap -histo:live), the smallest of 3 readings, in the suite's own JVM with the engine open"
                        + " and idle; live Spring machines: instances of StateMachine classes in that histogram.",
                "Sessions were opened through the engine (durable store, " + settings.fillClients() + " clients) and"
                        + " left OPEN, each with its idle timer armed (the standard lifecycle with a "
                        + EngineStoreProbe.IDLE_TIMEOUT.toDays() + "-day idle timeout, never due during the run);"
                        + " store open time is the median of 3 opens of the closed store.",
                "REST (item 9): the CLI's serve (durable MapDB store, default options but --queue "
                        + RestCommands.queue(TARGET_CLIENTS) + ", room for the warm-up run's unanswered requests) in"
                        + " a child JVM on loopback; wrk with " + TARGET_CLIENTS + " threads and " + TARGET_CLIENTS + " connections, one per"
                        + " client, each walking its own orders through the same cycle (POST, PUT, PUT agent, DELETE),"
                        + " " + settings.restWarmUpSeconds() + " s warm-up run, then a " + settings.restSeconds()
                        + " s measured run; any refused or failed request fails the suite. p99 from wrk's latency"
                        + " histogram.",
                String.format(Locale.ROOT, "Model checker, default bounds: standard lifecycle %,d configurations,"
                                + " %d violations; generated lifecycle %,d configurations, %d violations. First calls:"
                                + " each in a new child JVM (java -cp the suite's class path, no options), timed"
                                + " inside it from just before the call (JVM start-up not counted); standard: %s;"
                                + " generated: %s. Warm medians: later calls in the suite's JVM.",
                        standard.configurations(), standard.violations(), generated.configurations(),
                        generated.violations(), standard.coldRuns(), generated.coldRuns()),
                postgresNote());
    }

    private String postgresNote() {
        return "PostgreSQL: a throwaway PostgreSQL 15 server on this machine (fsync on, defaults otherwise), a new"
                + " database per figure; the raw JDBC baseline upserts the session row and inserts its"
                + " journal and outbox rows in one transaction per command (the engine also writes its"
                + " assignments and command id, and deletes delivered outbox rows). Processes: child JVMs"
                + " running the engine with " + PROCESS_CLIENTS + " clients each on orders of their own,"
                + " started together, " + settings.processWarmUpMillis() + " ms warm-up, then the sum of their"
                + " commands in the next " + settings.processMillis() + " ms.";
    }

    /** Says on standard error what the suite does next (the table goes to standard output). */
    private static void step(String what) {
        System.err.println("[suite] " + what);
    }

    private static String count(int value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
