package io.supportflow.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** How the suite reads a wrk run: {@code order-cycle.lua}'s last line, and nothing of a run with errors. */
class WrkTest {
    private static final String SUMMARY = """
            Running 20s test @ http://127.0.0.1:40001
              64 threads and 64 connections
              Latency Distribution
                 99%   38.20ms
              60000 requests in 20.00s, 21.00MB read
            Requests/sec:   3000.00
            """;

    @Test
    void aCleanRunGivesItsResponsesPerSecondAndItsP99() {
        Wrk.Result result = Wrk.Result.parse(SUMMARY
                + "supportflow-wrk responses 60000 unexpected 0 errors 0 p99us 38200 seconds 20.000000 first none\n");

        assertThat(result.perSecond()).isCloseTo(3000.0, within(1e-9));
        assertThat(result.p99Micros()).isEqualTo(38_200.0);
    }

    @Test
    void aRunWithAResponseOfAnotherStatusThanItsStepsFailsNamingTheFirst() {
        assertThatThrownBy(() -> Wrk.Result.parse(SUMMARY + "supportflow-wrk responses 60000 unexpected 3 errors 0"
                + " p99us 38200 seconds 20.0 first 503 step 1 wrk-measured-7-0 {\"code\":\"SERVICE_UNAVAILABLE\"}\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3 responses with an unexpected status")
                .hasMessageContaining("503 step 1 wrk-measured-7-0");
    }

    @Test
    void aRunWithSocketErrorsFails() {
        assertThatThrownBy(() -> Wrk.Result.parse(SUMMARY
                + "supportflow-wrk responses 60000 unexpected 0 errors 2 p99us 38200 seconds 20.0 first none\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 connect/read/write/timeout errors");
    }

    @Test
    void outputWithoutTheScriptsLineFails() {
        assertThatThrownBy(() -> Wrk.Result.parse(SUMMARY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no supportflow-wrk line");
    }
}
