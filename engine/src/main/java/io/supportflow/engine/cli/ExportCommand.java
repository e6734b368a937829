package io.supportflow.engine.cli;

import io.supportflow.spec.check.Promela;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** {@code export}: prints the lifecycle as a model for another tool (SPIN's Promela). */
final class ExportCommand implements CliCommand {

    @Override
    public Usage usage() {
        return new Usage("export", "Print the standard or a custom lifecycle as a model for another checker: Promela"
                + " for SPIN,\nwithin the model checker's bounds (check it: spin -a FILE && gcc -DSAFETY -DNOREDUCE "
                + "-o pan pan.c && ./pan -E -c0 -e).",
                List.of(Lifecycles.RULES, new Usage.Option("format", "promela", "the model language (default: promela)")),
                List.of());
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        String format = args.option("format", "promela");
        if (!format.toLowerCase(Locale.ROOT).equals("promela")) {
            throw new UsageException("--format must be promela, not '" + format + "'");
        }
        out.print(Promela.export(Lifecycles.load(args.option("rules"))));
        return 0;
    }
}
