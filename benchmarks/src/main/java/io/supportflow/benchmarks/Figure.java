package io.supportflow.benchmarks;

import java.util.Locale;

/** A measured number with its unit. */
record Figure(double value, Unit unit) {

    static Figure perSecond(double value) {
        return new Figure(value, Unit.PER_SECOND);
    }

    static Figure micros(double value) {
        return new Figure(value, Unit.MICROS);
    }

    static Figure millis(double value) {
        return new Figure(value, Unit.MILLIS);
    }

    static Figure mebibytes(long bytes) {
        return new Figure(bytes / (1024.0 * 1024.0), Unit.MIB);
    }

    static Figure count(long value) {
        return new Figure(value, Unit.COUNT);
    }

    /** Whether the value can be a measurement: finite; above zero for rates, times, sizes; not negative for counts. */
    boolean plausible() {
        return Double.isFinite(value) && (unit == Unit.COUNT ? value >= 0 : value > 0);
    }

    @Override
    public String toString() {
        return unit.format(value);
    }

    /** Units, each with the precision it is printed at. */
    enum Unit {
        PER_SECOND("%,.0f /s"), MICROS("%,.1f µs"), MILLIS("%,.1f ms"), MIB("%,.1f MiB"), COUNT("%,.0f");

        private final String pattern;

        Unit(String pattern) {
            this.pattern = pattern;
        }

        String format(double value) {
            return String.format(Locale.ROOT, pattern, value);
        }
    }
}
