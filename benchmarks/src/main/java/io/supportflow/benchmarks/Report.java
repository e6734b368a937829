package io.supportflow.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** The suite's result: the ratio table with the machine, JVM, date and settings it was measured with. */
record Report(Settings settings, List<Row> rows, List<String> notes) {

    Report {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** The report as markdown, ready to paste into the README. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("Run: ").append(settings.label()).append(" (").append(describe(settings)).append(")\n");
        out.append("Machine: ").append(machine()).append('\n');
        out.append("Date: ").append(LocalDate.now()).append("\n\n");
        out.append(Row.header()).append('\n');
        rows.forEach(row -> out.append(row.markdown()).append('\n'));
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    private static String describe(Settings s) {
        return "JMH " + s.forks() + " fork(s), " + s.warmupIterations() + " warm-up + " + s.measurementIterations()
                + " measured iterations of " + s.iterationTime() + "; sessions " + s.fewSessions() + " and "
                + s.manySessions();
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return cpuModel() + ", " + runtime.availableProcessors() + " cores, "
                + runtime.maxMemory() / (1024 * 1024) + " MiB max heap, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", JVM arguments " + ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "CPU unknown";
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("CPU unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
