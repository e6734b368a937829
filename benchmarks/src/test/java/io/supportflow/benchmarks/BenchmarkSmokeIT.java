package io.supportflow.benchmarks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's smoke pass ({@link Settings#smoke()}): every benchmark and probe runs once, briefly, so the suite
 * cannot rot. It checks that figures exist, never how large they are.
 */
class BenchmarkSmokeIT {
    private static Report report;

    @BeforeAll
    static void runTheSuiteOnce() {
        report = new Suite(Settings.smoke()).run();
        System.out.println(report.markdown());
    }

    @Test
    void everyFigureIsAPlausibleMeasurement() {
        assertThat(report.rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.figure().plausible()).as(row.measurement()).isTrue();
            if (row.baselineFigure() != null) {
                assertThat(row.baselineFigure().plausible()).as(row.baseline()).isTrue();
            }
        });
    }

    @Test
    void everyIssueItemHasARow() {
        assertThat(report.rows()).extracting(Row::item).contains(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void theTableHasOneLinePerRow() {
        assertThat(report.markdown().lines().filter(line -> line.startsWith("| ") && !line.startsWith("| #")))
                .hasSize(report.rows().size());
    }
}
