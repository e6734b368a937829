package io.supportflow.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveHeapTest {
    private static final String HISTOGRAM = """
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         20000        1600000  [B (java.base@17.0.15)
               2:             3            720  org.springframework.statemachine.ObjectStateMachine
               3:             5            200  org.springframework.statemachine.state.ObjectState
               4:             2            480  org.springframework.statemachine.support.DefaultStateMachineContext
            Total         20010        1601400
            """;

    @Test
    void theLiveBytesAreTheHistogramTotal() {
        assertThat(LiveHeap.parse(HISTOGRAM).bytes()).isEqualTo(1_601_400L);
    }

    @Test
    void onlyInstancesOfStateMachineClassesCountAsMachines() {
        assertThat(LiveHeap.parse(HISTOGRAM).springMachines()).isEqualTo(3L);
    }

    @Test
    void aHistogramWithoutTotalIsRejected() {
        assertThatThrownBy(() -> LiveHeap.parse("   1:   1   16  java.lang.Object (java.base@17)"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void thisJvmHasAReadableLiveHeap() {
        assertThat(LiveHeap.take().bytes()).isPositive();
    }
}
