package io.supportflow.engine.cli;

import io.supportflow.spec.check.Bounds;
import io.supportflow.spec.check.CheckReport;
import io.supportflow.spec.check.CrossCheck;
import io.supportflow.spec.check.Migration;
import io.supportflow.spec.check.SpinException;
import io.supportflow.spec.lifecycle.Lifecycle;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code verify}: model-checks a lifecycle; exit 0 when P1, P2, P3 and P7 hold, 1 with shortest traces when not.
 * With {@code --cross-check spin} SPIN checks it too and both verdicts are compared; with {@code --against OLD} it
 * also says whether the lifecycle can take over a store written under OLD.
 */
final class VerifyCommand implements CliCommand {

    @Override
    public Usage usage() {
        return new Usage("verify", "Model-check the standard or a custom lifecycle: P1, P2, P3 and P7 within the "
                + "checker's bounds.\nExit 0 when every property holds; 1 with a shortest counterexample trace per "
                + "violation.", List.of(Lifecycles.RULES,
                new Usage.Option("cross-check", "spin", "also check with SPIN and compare the verdicts"),
                new Usage.Option("against", "OLD", "also check that the lifecycle can take over a store written under "
                        + "the rules file OLD")), List.of());
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        Lifecycle definition = Lifecycles.load(args.option("rules"));
        String tool = args.option("cross-check");
        boolean ok;
        if (tool == null) {
            CheckReport report = Lifecycles.check(definition);
            out.print(report.render());
            ok = report.ok();
        } else {
            ok = crossCheck(definition, tool, out);
        }
        String against = args.option("against");
        if (against != null) {
            Migration.Report migration = Migration.check(definition, Lifecycles.load(against));
            out.println();
            out.print(migration.render());
            ok &= migration.ok();
        }
        return ok ? 0 : 1;
    }

    private static boolean crossCheck(Lifecycle definition, String tool, PrintStream out) {
        if (!tool.equals("spin")) {
            throw new UsageException("--cross-check must be spin, not '" + tool + "'");
        }
        try {
            CrossCheck.Result result = CrossCheck.run(definition, Bounds.defaults(definition));
            out.print(result.render());
            return result.checker().ok() && result.spin().ok() && result.agree();
        } catch (SpinException e) {
            throw new CliFailure(e.getMessage());
        }
    }
}
