package io.supportflow.engine.cli;

import io.supportflow.spec.check.CheckReport;

import java.io.PrintStream;
import java.util.List;

/** {@code verify}: model-checks a lifecycle; exit 0 when P1, P2, P3 and P7 hold, 1 with shortest traces when not. */
final class VerifyCommand implements CliCommand {

    @Override
    public Usage usage() {
        return new Usage("verify", "Model-check the standard or a custom lifecycle: P1, P2, P3 and P7 within the "
                + "checker's bounds.\nExit 0 when every property holds; 1 with a shortest counterexample trace per "
                + "violation.", List.of(Lifecycles.RULES), List.of());
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        CheckReport report = Lifecycles.check(Lifecycles.load(args.option("rules")));
        out.print(report.render());
        return report.ok() ? 0 : 1;
    }
}
