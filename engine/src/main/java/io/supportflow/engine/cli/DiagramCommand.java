package io.supportflow.engine.cli;

import io.supportflow.spec.diagram.Diagrams;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** {@code diagram}: prints the lifecycle as Mermaid, PlantUML or Graphviz DOT. */
final class DiagramCommand implements CliCommand {

    @Override
    public Usage usage() {
        return new Usage("diagram", "Print the standard or a custom lifecycle as a state diagram.",
                List.of(Lifecycles.RULES, new Usage.Option("format", "mermaid|plantuml|dot",
                        "the diagram language (default: mermaid)")), List.of());
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        Diagrams.Format format = format(args.option("format", "mermaid"));
        out.print(Diagrams.render(Lifecycles.load(args.option("rules")), format));
        return 0;
    }

    private static Diagrams.Format format(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mermaid" -> Diagrams.Format.MERMAID;
            case "plantuml" -> Diagrams.Format.PLANTUML;
            case "dot" -> Diagrams.Format.DOT;
            default -> throw new UsageException("--format must be mermaid, plantuml or dot, not '" + name + "'");
        };
    }
}
