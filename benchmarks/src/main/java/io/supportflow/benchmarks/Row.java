package io.supportflow.benchmarks;

import java.util.Locale;

/**
 * One line of the ratio table: a supportflow figure, optionally beside a baseline from the same run, optionally
 * judged against a target.
 *
 * @param item           the item number (1 to 6: the benchmark issue's items; 7: issue 12, keep-alive; 8: issue 11,
 *                       PostgreSQL; 9: issue 14, REST commands driven by wrk)
 * @param measurement    what was measured
 * @param figure         supportflow's figure
 * @param baseline       what it is compared with; null when the figure stands alone
 * @param baselineFigure the baseline's figure, same unit; null when the figure stands alone
 * @param target         the target as written in the issue; null when there is none
 * @param met            whether the target is met; null when there is no target
 */
record Row(int item, String measurement, Figure figure, String baseline, Figure baselineFigure, String target,
           Boolean met) {

    /** A figure beside its baseline, no target. */
    static Row compared(int item, String measurement, Figure figure, String baseline, Figure baselineFigure) {
        return new Row(item, measurement, figure, baseline, baselineFigure, null, null);
    }

    /** A figure without a baseline, no target. */
    static Row alone(int item, String measurement, Figure figure) {
        return new Row(item, measurement, figure, null, null, null, null);
    }

    /** This row with a target, as written in the issue, and whether it is met. */
    Row judged(String text, boolean isMet) {
        return new Row(item, measurement, figure, baseline, baselineFigure, text, isMet);
    }

    /** figure / baseline figure; NaN without a baseline. */
    double ratio() {
        return baselineFigure == null ? Double.NaN : figure.value() / baselineFigure.value();
    }

    /** The row as a markdown table line. */
    String markdown() {
        return "| " + String.join(" | ", String.valueOf(item), measurement, figure.toString(),
                baseline == null ? "" : baseline, baselineFigure == null ? "" : baselineFigure.toString(),
                baselineFigure == null ? "" : String.format(Locale.ROOT, "%.2f×", ratio()),
                target == null ? "" : target, met == null ? "" : met ? "yes" : "**no**") + " |";
    }

    /** The markdown table header matching {@link #markdown()}. */
    static String header() {
        return "| # | measurement | supportflow | baseline (same run) | baseline | ratio | target | met |\n"
                + "|---|---|---:|---|---:|---:|---|---|";
    }
}
