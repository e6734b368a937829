package io.supportflow.engine.cli;

import java.util.List;
import java.util.Optional;

/**
 * What a command accepts: its options (each {@code --name VALUE}, or {@code --name} alone for a switch) and its
 * positional arguments, and the help text built from them.
 */
record Usage(String command, String summary, List<Option> options, List<String> positionals) {

    /** One {@code --name}: {@code value} names its argument, null for a switch. */
    record Option(String name, String value, String help) {
    }

    Optional<Option> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** {@code usage: supportflow serve [--host HOST] ...} and one line per option. */
    String text() {
        StringBuilder s = new StringBuilder("usage: java -jar supportflow.jar ").append(command);
        for (Option o : options) {
            s.append(" [--").append(o.name()).append(o.value() == null ? "" : " " + o.value()).append(']');
        }
        positionals.forEach(p -> s.append(' ').append(p));
        s.append("\n\n").append(summary).append('\n');
        if (!options.isEmpty()) {
            s.append('\n');
        }
        for (Option o : options) {
            String flag = "--" + o.name() + (o.value() == null ? "" : " " + o.value());
            s.append(String.format("  %-22s %s%n", flag, o.help()));
        }
        s.append(String.format("  %-22s %s%n", "--help", "print this help"));
        return s.toString();
    }
}
