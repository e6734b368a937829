package io.supportflow.benchmarks;

import org.springframework.statemachine.StateMachine;

import javax.management.JMException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Live heap of this JVM, read from its class histogram after a full GC (the HotSpot diagnostic command
 * {@code GC.class_histogram}, what {@code jmap -histo:live} prints): total bytes of reachable objects, and the
 * number of live Spring state machines (instances of classes implementing {@link StateMachine}).
 */
final class LiveHeap {
    private static final int READINGS = 3;
    private static final String SPRING_PACKAGE = "org.springframework.statemachine.";

    private LiveHeap() {
    }

    /** The smallest of three readings, each after its own full GC (a smaller reading has less floating garbage). */
    static Snapshot take() {
        Snapshot best = null;
        for (int i = 0; i < READINGS; i++) {
            Snapshot reading = parse(histogram());
            if (best == null || reading.bytes() < best.bytes()) {
                best = reading;
            }
        }
        return best;
    }

    private static String histogram() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[]{null}, new String[]{String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("this JVM offers no class histogram (HotSpot diagnostic command)", e);
        }
    }

    /** Reads the Total line and the Spring machine rows of a class histogram. */
    static Snapshot parse(String histogram) {
        long bytes = -1;
        long machines = 0;
        for (String line : histogram.lines().toList()) {
            List<String> columns = List.of(line.trim().split("\\s+"));
            if (columns.get(0).equals("Total") && columns.size() >= 3) {
                bytes = Long.parseLong(columns.get(2));
            } else if (columns.size() >= 4 && columns.get(0).endsWith(":") && isSpringMachine(columns.get(3))) {
                machines += Long.parseLong(columns.get(1));
            }
        }
        if (bytes < 0) {
            throw new IllegalStateException("no Total line in the class histogram");
        }
        return new Snapshot(bytes, machines);
    }

    private static boolean isSpringMachine(String className) {
        if (!className.startsWith(SPRING_PACKAGE)) {
            return false;
        }
        try {
            Class<?> type = Class.forName(className, false, LiveHeap.class.getClassLoader());
            return StateMachine.class.isAssignableFrom(type);
        } catch (ClassNotFoundException e) {
            return false; // a hidden class (lambda) or another loader's class: not one of the machines counted here
        }
    }

    /**
     * One reading.
     *
     * @param bytes          bytes of live objects
     * @param springMachines live Spring state machine instances
     */
    record Snapshot(long bytes, long springMachines) {
    }
}
