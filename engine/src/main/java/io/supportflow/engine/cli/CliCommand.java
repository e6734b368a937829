package io.supportflow.engine.cli;

import java.io.PrintStream;

/** One sub-command of {@link Main}. */
interface CliCommand {

    Usage usage();

    /**
     * Runs with parsed arguments, printing results to {@code out} and problems to {@code err}.
     *
     * @return the exit code: 0 success, 1 the work failed (a violated property, an unreadable file, ...)
     * @throws UsageException a bad option value (exit code 2)
     * @throws CliFailure     the work could not be done (exit code 1)
     */
    int run(Arguments args, PrintStream out, PrintStream err) throws Exception;
}
