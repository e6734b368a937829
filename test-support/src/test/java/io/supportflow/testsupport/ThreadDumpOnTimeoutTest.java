package io.supportflow.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThreadDumpOnTimeoutTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ThreadDumpOnTimeout handler = new ThreadDumpOnTimeout(new PrintStream(printed, true,
            StandardCharsets.UTF_8));
    private final ExtensionContext context = Stubs.of(ExtensionContext.class, Map.of("getDisplayName",
            "stuckTest()", "getRequiredTestClass", ThreadDumpOnTimeoutTest.class));

    @Test
    void aTimeoutPrintsEveryThreadsStackAndStillFailsTheTest() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Thread stuck = new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stuck-committer");
        stuck.start();
        try {
            TimeoutException timeout = new TimeoutException("stuckTest() timed out after 3 minutes");

            assertThatThrownBy(() -> handler.handleTestExecutionException(context, timeout)).isSameAs(timeout);

            String dump = printed.toString(StandardCharsets.UTF_8);
            assertThat(dump).contains("=== thread dump: stuckTest() in " + getClass().getName()
                    + ": stuckTest() timed out after 3 minutes ===");
            assertThat(dump).contains("\"stuck-committer\"").contains("java.util.concurrent.CountDownLatch.await");
            assertThat(dump).contains("\"" + Thread.currentThread().getName() + "\"");
        } finally {
            stuck.interrupt();
            stuck.join();
        }
    }

    @Test
    void anotherFailurePassesThroughWithoutADump() {
        AssertionError failure = new AssertionError("expected 2");

        assertThatThrownBy(() -> handler.handleBeforeEachMethodExecutionException(context, failure))
                .isSameAs(failure);
        assertThat(printed.size()).isZero();
    }
}
