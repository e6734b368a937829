package io.supportflow.testsupport;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

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
        AtomicBoolean claimed = new AtomicBoolean();
        CountDownLatch alarmDone = new CountDownLatch(1);
        ScheduledFuture<?> alarm = ALARMS.schedule(() -> {
            if (claimed.compareAndSet(false, true)) {
                out.print(ThreadDump.of(name + " ran longer than " + timeout));
                out.flush();
                runner.interrupt();
            }
            alarmDone.countDown();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        PropertyExecutionResult result;
        try {
            result = property.execute();
        } finally {
            alarm.cancel(false);
        }
        // whoever claims first wins: the property finishing in time, or the alarm
        if (claimed.compareAndSet(false, true)) {
            return result;
        }
        awaitQuietly(alarmDone);
        Thread.interrupted(); // the alarm's interrupt must not reach the next property
        return result.mapToFailed(new TimeoutException(name + " timed out after " + timeout));
    }

    private static void awaitQuietly(CountDownLatch alarmDone) {
        while (true) {
            try {
                alarmDone.await();
                return;
            } catch (InterruptedException e) {
                // the alarm's own interrupt, arriving while waiting for it; the caller clears it
            }
        }
    }
}
