package io.supportflow.testsupport;

import net.jqwik.api.lifecycle.FalsifiedSample;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.ShrunkFalsifiedSample;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyWatchdogTest {
    private static final String LABEL = "EngineMatchesModelProperties:engineMatchesModel";

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PropertyLifecycleContext context = Stubs.of(PropertyLifecycleContext.class,
            Map.of("extendedLabel", LABEL));

    private PropertyWatchdog watchdog(Duration timeout) {
        return new PropertyWatchdog(timeout, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    /** A property's result with its status and failure, mapped as jqwik maps its own. */
    record Result(Status status, Throwable cause) implements PropertyExecutionResult {
        @Override
        public Optional<String> seed() {
            return Optional.empty();
        }

        @Override
        public Optional<List<Object>> falsifiedParameters() {
            return Optional.empty();
        }

        @Override
        public Optional<Throwable> throwable() {
            return Optional.ofNullable(cause);
        }

        @Override
        public int countChecks() {
            return 0;
        }

        @Override
        public int countTries() {
            return 0;
        }

        @Override
        public Optional<FalsifiedSample> originalSample() {
            return Optional.empty();
        }

        @Override
        public Optional<ShrunkFalsifiedSample> shrunkSample() {
            return Optional.empty();
        }

        @Override
        public PropertyExecutionResult mapTo(Status newStatus, Throwable newCause) {
            return new Result(newStatus, newCause);
        }
    }

    @Test
    void aPropertyStuckPastTheTimeoutIsInterruptedAfterADumpAndFails() {
        CountDownLatch never = new CountDownLatch(1);

        PropertyExecutionResult outcome = watchdog(Duration.ofMillis(50)).aroundProperty(context, () -> {
            try {
                never.await();
                return new Result(PropertyExecutionResult.Status.SUCCESSFUL, null);
            } catch (InterruptedException e) {
                return new Result(PropertyExecutionResult.Status.SUCCESSFUL, null);
            }
        });

        assertThat(outcome.status()).isEqualTo(PropertyExecutionResult.Status.FAILED);
        assertThat(outcome.throwable()).get().isInstanceOf(TimeoutException.class)
                .hasFieldOrPropertyWithValue("message", LABEL + " timed out after PT0.05S");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("=== thread dump: " + LABEL + " ran longer than PT0.05S ===")
                .contains("java.util.concurrent.CountDownLatch.await");
        assertThat(Thread.currentThread().isInterrupted()).as("no interrupt left for the next property").isFalse();
    }

    @Test
    void aPropertyWithinTheTimeoutKeepsItsResultAndNothingIsPrinted() {
        Result done = new Result(PropertyExecutionResult.Status.SUCCESSFUL, null);

        assertThat(watchdog(Duration.ofMinutes(5)).aroundProperty(context, () -> done)).isSameAs(done);
        assertThat(printed.size()).isZero();
    }
}
