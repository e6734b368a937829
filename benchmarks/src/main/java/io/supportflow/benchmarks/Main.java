package io.supportflow.benchmarks;

import java.util.List;

/**
 * Runs the benchmark suite and prints the ratio table (markdown) with the machine, JVM and date.
 * {@code java -jar benchmarks/target/benchmarks.jar} measures; {@code --smoke} only proves that everything runs;
 * {@code --postgres} measures item 8 (PostgreSQL) alone.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.equals(List.of("--postgres"))) {
            System.out.println(new Suite(Settings.full()).runPostgres().markdown());
            return;
        }
        if (!arguments.isEmpty() && !arguments.equals(List.of("--smoke"))) {
            System.err.println("usage: java -jar benchmarks.jar [--smoke | --postgres]");
            System.exit(2);
        }
        Settings settings = arguments.isEmpty() ? Settings.full() : Settings.smoke();
        System.out.println(new Suite(settings).run().markdown());
    }
}
