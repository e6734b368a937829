package io.supportflow.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.io.PrintStream;
import java.util.concurrent.TimeoutException;

/**
 * Prints a dump of every thread to standard error when a test or lifecycle method fails with the
 * {@link TimeoutException} of a JUnit timeout (the default one of junit-platform.properties included), then lets
 * the failure stand. Registered through {@code META-INF/services} and Jupiter's extension auto-detection. Other
 * failures pass through untouched.
 */
public final class ThreadDumpOnTimeout implements TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {
    private final PrintStream out;

    public ThreadDumpOnTimeout() {
        this(System.err);
    }

    ThreadDumpOnTimeout(PrintStream out) {
        this.out = out;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw dumpIfTimeout(context, throwable);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw dumpIfTimeout(context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw dumpIfTimeout(context, throwable);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw dumpIfTimeout(context, throwable);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw dumpIfTimeout(context, throwable);
    }

    private Throwable dumpIfTimeout(ExtensionContext context, Throwable throwable) {
        if (throwable instanceof TimeoutException) {
            out.print(ThreadDump.of(context.getDisplayName() + " in " + context.getRequiredTestClass().getName()
                    + ": " + throwable.getMessage()));
            out.flush();
        }
        return throwable;
    }
}
