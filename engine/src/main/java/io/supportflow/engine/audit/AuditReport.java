package io.supportflow.engine.audit;

import java.util.List;
import java.util.Objects;

/**
 * What {@link StoreAudit#run} found.
 *
 * @param definition the lifecycle's name
 * @param sessions   how many sessions were audited
 * @param findings   every problem found, per order in the order audited, then per agent
 */
public record AuditReport(String definition, long sessions, List<Finding> findings) {

    /**
     * One problem.
     *
     * @param orderId the order, or {@code -} for a finding about the store or an agent
     * @param kind    {@code P1}, {@code P2}, {@code P3}, {@code P4}, {@code P5}, {@code row} (a row the lifecycle
     *                does not have) or {@code state} (a state it does not have)
     * @param detail  one sentence
     */
    public record Finding(String orderId, String kind, String detail) {
        public Finding {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public AuditReport {
        Objects.requireNonNull(definition, "definition");
        findings = List.copyOf(findings);
    }

    /** Whether nothing was found. */
    public boolean ok() {
        return findings.isEmpty();
    }

    /** A summary line, then one line per finding or the OK line. */
    public String render() {
        StringBuilder s = new StringBuilder("Audit against lifecycle '").append(definition).append("': ")
                .append(sessions).append(sessions == 1 ? " session" : " sessions").append(", ")
                .append(findings.size()).append(findings.size() == 1 ? " finding" : " findings").append(".\n");
        if (ok()) {
            s.append("OK: every journal replays to its record; P1-P5 hold; every row used is in the lifecycle.\n");
        }
        findings.forEach(f -> s.append(f.orderId()).append(": ").append(f.kind()).append(": ").append(f.detail())
                .append('\n'));
        return s.toString();
    }
}
