package io.supportflow.testsupport;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The default timeout of every jqwik property (jqwik has none of its own): when a property runs longer than
 * {@code -Dsupportflow.property.timeout} (an ISO-8601 duration, default {@code PT5M}), every thread's stack is
 * printed to standard error and the property's thread interrupted; the property then fails with a
 * {@link TimeoutException}. Registered for all properties through {@code META-INF/services}.
 */
public final class PropertyWatchdog implements AroundPropertyHook {
    static final String TIMEOUT = "supportflow.property.timeout";
    private static final ScheduledExecutorService ALARMS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "property-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration timeout;
    private final PrintStream out;

    public PropertyWatchdog() {
        this(Duration.parse(System.getProperty(TIMEOUT, "PT5M")), System.err);
    }

    PropertyWatchdog(Duration timeout, PrintStream out) {
        this.timeout = timeout;
        this.out = out;
    }

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String name = context.extendedLabel();
        Thread runner = Thread.currentThread();
        ScheduledFuture<?> alarm = ALARMS.schedule(() -> {
            out.print(ThreadDump.of(name + " ran longer than " + timeout));
            out.flush();
            runner.interrupt();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        PropertyExecutionResult result;
        try {
            result = property.execute();
        } catch (RuntimeException | Error e) {
            alarm.cancel(false);
            throw e;
        }
        if (alarm.cancel(false)) {
            return result;
        }
        awaitQuietly(alarm);
        Thread.interrupted(); // the alarm's interrupt must not reach the next property
        return result.mapToFailed(new TimeoutException(name + " timed out after " + timeout));
    }

    private static void awaitQuietly(ScheduledFuture<?> alarm) {
        try {
            alarm.get();
        } catch (InterruptedException e) {
            // the alarm's own interrupt, arriving while waiting for it; cleared by the caller
        } catch (ExecutionException e) {
            throw new IllegalStateException("the watchdog alarm failed", e);
        }
    }
}
