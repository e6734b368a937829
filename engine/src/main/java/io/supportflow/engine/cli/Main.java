package io.supportflow.engine.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code supportflow.jar}: {@code serve}, {@code verify}, {@code diagram}, {@code sessions},
 * {@code history}, {@code demo}, {@code export}, {@code audit}, {@code check-store}. Exit codes: 0 success, 1 the work failed (a violated property, an unreadable file,
 * a store in use), 2 a wrong command line (one-line error, then the usage).
 */
public final class Main {
    private static final Map<String, CliCommand> COMMANDS = commands();

    private Main() {
    }

    public static void main(String[] args) {
        quietLogging();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line; returns its exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("supportflow: a command is required");
            err.print(overview());
            return 2;
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(overview());
            return 0;
        }
        CliCommand command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("supportflow: unknown command '" + args[0] + "'");
            err.print(overview());
            return 2;
        }
        return run(command, Arrays.asList(args).subList(1, args.length), out, err);
    }

    private static int run(CliCommand command, List<String> args, PrintStream out, PrintStream err) {
        String name = command.usage().command();
        try {
            Arguments parsed = Arguments.parse(command.usage(), args);
            if (parsed.help()) {
                out.print(command.usage().text());
                return 0;
            }
            return command.run(parsed, out, err);
        } catch (UsageException e) {
            err.println("supportflow " + name + ": " + e.getMessage());
            err.println();
            err.print(command.usage().text());
            return 2;
        } catch (CliFailure e) {
            err.println("supportflow " + name + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("supportflow " + name + ": interrupted");
            return 1;
        } catch (Exception e) {
            err.println("supportflow " + name + ": failed: " + e);
            return 1;
        }
    }

    private static String overview() {
        StringBuilder s = new StringBuilder("usage: java -jar supportflow.jar COMMAND [OPTIONS]\n\ncommands:\n");
        COMMANDS.forEach((name, command) -> s.append(String.format("  %-11s %s%n", name,
                command.usage().summary().lines().findFirst().orElse(""))));
        s.append("\n'java -jar supportflow.jar COMMAND --help' lists the options of COMMAND.\n");
        return s.toString();
    }

    private static Map<String, CliCommand> commands() {
        Map<String, CliCommand> commands = new LinkedHashMap<>();
        for (CliCommand c : List.of(new ServeCommand(), new VerifyCommand(), new DiagramCommand(),
                new SessionsCommand(), new HistoryCommand(), new DemoCommand(), new ExportCommand(),
                new AuditCommand(), new CheckStoreCommand())) {
            commands.put(c.usage().command(), c);
        }
        return commands;
    }

    /** Warnings and errors only, with times, unless the user configured slf4j-simple otherwise. */
    private static void quietLogging() {
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    }
}
