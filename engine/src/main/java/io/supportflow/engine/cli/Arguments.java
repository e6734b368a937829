package io.supportflow.engine.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command's parsed arguments: {@code --name value}, {@code --name=value} or a {@code --switch}, and the
 * positional arguments in order. {@code --} ends the options.
 */
record Arguments(Map<String, String> options, List<String> positionals, boolean help) {
    private static final String SWITCH_ON = "true";
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m)");

    /**
     * Parses {@code args} against {@code usage}.
     *
     * @throws UsageException for an unknown option, a missing option value, a repeated option, or the wrong number
     *                        of positional arguments (unless {@code --help} is among the arguments)
     */
    static Arguments parse(Usage usage, List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            return new Arguments(Map.of(), List.of(), true);
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else {
                i = option(usage, args, i, options);
            }
        }
        if (positionals.size() != usage.positionals().size()) {
            throw new UsageException(usage.positionals().isEmpty() ? "unexpected argument '" + positionals.get(0) + "'"
                    : "expected " + String.join(" ", usage.positionals()));
        }
        return new Arguments(options, positionals, false);
    }

    private static int option(Usage usage, List<String> args, int at, Map<String, String> options) {
        String arg = args.get(at);
        if (!arg.startsWith("--")) {
            throw new UsageException("unknown option '" + arg + "' (options start with --)");
        }
        int eq = arg.indexOf('=');
        String name = arg.substring(2, eq < 0 ? arg.length() : eq);
        Usage.Option option = usage.option(name)
                .orElseThrow(() -> new UsageException("unknown option '--" + name + "'"));
        String value;
        int next = at;
        if (option.value() == null) {
            if (eq >= 0) {
                throw new UsageException("--" + name + " takes no value");
            }
            value = SWITCH_ON;
        } else if (eq >= 0) {
            value = arg.substring(eq + 1);
        } else if (at + 1 < args.size() && !args.get(at + 1).startsWith("--")) {
            next = at + 1;
            value = args.get(next);
        } else {
            throw new UsageException("--" + name + " needs a value (" + option.value() + ")");
        }
        if (options.put(name, value) != null) {
            throw new UsageException("--" + name + " is given twice");
        }
        return next;
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** The option's value, or null. */
    String option(String name) {
        return options.get(name);
    }

    /**
     * The option as a port number.
     *
     * @throws UsageException when it is not 0..65535
     */
    int port(String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a port number 0..65535, not '" + value + "'");
    }

    /**
     * The option as a whole number of at least {@code least}.
     *
     * @throws UsageException when it is not one
     */
    int atLeast(String name, int least, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= least) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a whole number of at least " + least + ", not '"
                + value + "'");
    }

    /**
     * The option as a positive duration: a whole number followed by {@code ms}, {@code s} or {@code m}.
     *
     * @throws UsageException when it is not one
     */
    Duration duration(String name, Duration fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(value);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            Duration duration = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
            if (!duration.isZero()) {
                return duration;
            }
        }
        throw new UsageException("--" + name + " must be a positive duration such as 500ms, 10s or 2m, not '"
                + value + "'");
    }
}
