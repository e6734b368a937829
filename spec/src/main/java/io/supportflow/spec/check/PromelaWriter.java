package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.AssignmentStrategy;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.ReopenPolicy;
import io.supportflow.spec.lifecycle.Transition;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.GuardContext;
import io.supportflow.spec.model.Semantics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Generates one Promela model (see {@link Promela}). The table is data (constant arrays loaded by the model's first
 * step); the meaning of guards, effects, agent picks and properties is one interpreter, the same for every lifecycle.
 * States are numbered by declaration (the initial one is 0), events by {@link Lifecycle#events()}, agents 1, 2, ...
 * in {@link Bounds#agents()} order (0 is "no agent"). Problem keys: P1 of state s is s + 1, P2 of s is S + s + 1,
 * P3 of agent a is 2S + a, P7 of state s and event e is 2S + A + 1 + s E + e, a trap in s is 2S + A + 1 + S E + s.
 * Not thread-safe; one writer writes one model.
 */
final class PromelaWriter {
    private static final List<Guard> GUARD_BITS = List.of(Guard.values());
    private static final int ASSIGNS_BIT = 1 << GUARD_BITS.size();
    private static final int CHUNK = 800;
    private static final int DRY_PART = 3;

    private final Lifecycle d;
    private final Bounds bounds;
    private final Stepper stepper;
    private final List<String> states;
    private final List<String> events;
    private final int agents;
    private final boolean window;
    private final boolean roundRobin;
    private final List<Transition> sorted;
    private final int maxEffects;
    private final StringBuilder out = new StringBuilder();
    private final Map<Integer, Problem> problems = new HashMap<>();

    PromelaWriter(Lifecycle definition, Bounds bounds) {
        this.d = definition;
        this.bounds = bounds;
        this.stepper = new Stepper(definition, bounds);
        this.states = definition.states();
        this.events = definition.events();
        this.agents = bounds.agents().size();
        this.window = definition.policies().reopen() instanceof ReopenPolicy.Within;
        this.roundRobin = definition.policies().assignment() == AssignmentStrategy.ROUND_ROBIN;
        this.sorted = definition.transitions().stream()
                .sorted(Comparator.comparingInt((Transition t) -> states.indexOf(t.source()))
                        .thenComparingInt(t -> events.indexOf(t.event())))
                .toList();
        this.maxEffects = Math.max(1, sorted.stream().mapToInt(t -> t.effects().size()).max().orElse(0));
    }

    PromelaModel write() {
        listProblems();
        header();
        declarations();
        interpreter();
        process();
        return new PromelaModel(out.toString(), problems);
    }

    private int p1(int s) {
        return s + 1;
    }

    private int p2(int s) {
        return states.size() + s + 1;
    }

    private int p3(int a) {
        return 2 * states.size() + a + 1;
    }

    private int p7(int s, int e) {
        return 2 * states.size() + agents + 1 + s * events.size() + e;
    }

    private int trap(int s) {
        return p7(states.size(), 0) + s;
    }

    private void listProblems() {
        for (int s = 0; s < states.size(); s++) {
            String state = states.get(s);
            if (!d.isFinal(state)) {
                problems.put(trap(s), new Problem("P7 trap " + state, "P7",
                        "no command changes an order in " + state + ", which is not final (a trap)"));
            }
            problems.put(p1(s), new Problem("P1 " + state, "P1", "an order in " + state + " has an agent and ACTIVE "
                    + "assignments that " + (d.holdsAgent(state) ? "are not one agent with its one assignment"
                    : "are not none")));
            if (d.isFinal(state)) {
                problems.put(p2(s), new Problem("P2 " + state, "P2", "an order in " + state
                        + " (final) keeps an agent or ACTIVE assignments"));
            }
            for (int e = 0; e < events.size(); e++) {
                problems.put(p7(s, e), new Problem("P7 rows " + state + " " + events.get(e), "P7", "in " + state
                        + ", one " + events.get(e) + " command enables more than one row"));
            }
        }
        for (int a = 0; a < agents; a++) {
            int agent = a;
            bounds.capacity(a, d).ifPresent(c -> problems.put(p3(agent), new Problem("P3 " + id(agent), "P3",
                    "agent " + id(agent) + " has more ACTIVE assignments than its capacity " + c)));
        }
    }

    private void header() {
        emit("/*");
        emit(" * Promela model of lifecycle '" + d.name() + "', generated by supportflow from its definition: do not");
        emit(" * edit. P1, P2, P3 and P7 (one row per command, traps) with " + bounds.render(d) + ".");
        emit(" * Check: spin -a FILE && gcc -DSAFETY -DNOREDUCE -o pan pan.c && ./pan -E -c0 -e");
        emit(" * Each distinct breach prints 'breach K' and fails assert(!t_live) once; each state entered prints");
        emit(" * 'reached S'. Replaying a trail (./pan -r FILE.trail) prints 'step ORDER COMMAND STATE' per command.");
        emit(" * States: " + numbered(states, 0) + ".");
        emit(" * Events: " + numbered(events, 0) + ".");
        emit(" * Agents: 0 none" + IntStream.range(0, agents).mapToObj(a -> ", " + (a + 1) + " " + id(a))
                .collect(Collectors.joining()) + ".");
        emit(" * Guard bits: " + IntStream.range(0, GUARD_BITS.size())
                .mapToObj(g -> (1 << g) + " " + GUARD_BITS.get(g).ruleName()).collect(Collectors.joining(", "))
                + ", " + ASSIGNS_BIT + " assigns (needs an agent). Effects: 1 open, 2 update, 3 assign, 4 updateAgent, "
                + "5 release.");
        emit(" * Rows, by source then event: " + IntStream.range(0, sorted.size())
                .mapToObj(r -> r + " " + sorted.get(r).label()).collect(Collectors.joining("; ")) + ".");
        emit(" * Commands: " + IntStream.range(0, stepper.actionCount()).mapToObj(k -> k + " " + render(0, k)
                .substring(4)).collect(Collectors.joining("; ")) + ".");
        emit(" */");
    }

    private static String numbered(List<String> names, int from) {
        return IntStream.range(0, names.size()).mapToObj(i -> (i + from) + " " + names.get(i))
                .collect(Collectors.joining(", "));
    }

    private void declarations() {
        int a1 = Math.max(agents, 1);
        emit("#define ORDERS " + bounds.orders());
        emit("#define AGENTS " + a1);
        emit("#define STATES " + states.size());
        emit("#define EVENTS " + Math.max(events.size(), 1));
        emit("#define ROWS " + Math.max(sorted.size(), 1));
        emit("#define EFFECTS " + maxEffects);
        emit("#define KEYS " + (trap(states.size()) + 1));
        String state = states.size() > 255 ? "short" : "byte";
        emit(state + " st[ORDERS];              /* state */");
        emit("byte ag[ORDERS];              /* agent, 0 for none */");
        emit("byte act[ORDERS * AGENTS];    /* ACTIVE assignments of order i to agent a at i * AGENTS + a - 1 */");
        if (window) {
            emit("bool win[ORDERS];             /* in a final state and the reopen window has not passed */");
        }
        if (roundRobin) {
            emit("byte cur;                     /* agent of the last assignment started (round-robin cursor) */");
        }
        emit("/* the table and the bounds' agents: constants, loaded by the first step */");
        emit("hidden byte kind[STATES];     /* 1: holds an agent, 2: final */");
        emit("hidden short first[STATES * EVENTS];  /* first row out of state s on event e */");
        emit("hidden short count[STATES * EVENTS];  /* number of rows out of state s on event e */");
        emit("hidden " + state + " target[ROWS];");
        emit("hidden short guards[ROWS];    /* guard bits */");
        emit("hidden byte effects[ROWS * EFFECTS];");
        emit("hidden byte available[AGENTS + 1], rated[AGENTS + 1], capacity[AGENTS + 1];  /* capacity 0: none */");
        emit("/* the step's working variables */");
        emit("hidden byte t_order, t_event, t_given, t_ok, t_n, t_res, t_x, t_j, t_fx, t_best, t_nag, t_nwin, t_ncur;");
        emit("hidden short t_r, t_last, t_row, t_key, t_from, t_nst;");
        emit("hidden byte t_nact[AGENTS + 1];");
        emit("hidden byte t_moves;          /* commands that would change order 0 when the others have none */");
        emit("hidden byte t_live;           /* 1 while searching, 0 while a trail is replayed */");
        emit("hidden byte seen[STATES], once[KEYS];");
        emit("");
    }

    private void interpreter() {
        String i = "t_order";
        emit("#define OWN(a) act[t_order * AGENTS + (a) - 1]");
        emit("#define TOTAL(a) (" + IntStream.range(0, bounds.orders())
                .mapToObj(o -> "act[" + o + " * AGENTS + (a) - 1]").collect(Collectors.joining(" + ")) + ")");
        emit("#define OTHERS(a) (TOTAL(a) - OWN(a))");
        emit("#define SUM (" + (agents == 0 ? "0" : IntStream.rangeClosed(1, agents).mapToObj(a -> "OWN(" + a + ")")
                .collect(Collectors.joining(" + "))) + ")");
        emit("#define ELIGIBLE(a) (ag[t_order] != (a) && available[a] && rated[a] && (capacity[a] == 0 "
                + "|| OTHERS(a) < capacity[a]))");
        emit("#define REOPEN_ALLOWED " + (d.policies().reopen() instanceof ReopenPolicy.Always ? "1"
                : window ? "win[t_order]" : "0"));
        emit("");
        emit("inline report() {");
        emit("  if");
        emit("  :: once[t_key] == 0 -> once[t_key] = 1; c_code { if (!readtrail) printf(\"breach %d\\n\", t_key); };");
        emit("     assert(!t_live)");
        emit("  :: else -> skip");
        emit("  fi");
        emit("}");
        emit("");
        emit("/* t_res: whether row t_r is enabled for the command (t_given is its agent after resolution) */");
        emit("inline row_enabled() {");
        emit("  t_res = 1;");
        for (int g = 0; g < GUARD_BITS.size(); g++) {
            emit("  if :: (guards[t_r] & " + (1 << g) + ") && !(" + guard(GUARD_BITS.get(g)) + ") -> t_res = 0"
                    + " :: else -> skip fi;  /* " + GUARD_BITS.get(g).ruleName() + " */");
        }
        emit("  if :: (guards[t_r] & " + ASSIGNS_BIT + ") && t_given == 0 -> t_res = 0 :: else -> skip fi");
        emit("}");
        emit("");
        if (d.policies().assignment() != AssignmentStrategy.EXPLICIT) {
            emit("/* assignNext and auto-assign: the strategy's pick among the eligible agents but the current one */");
            emit("inline pick() {");
            emit("  t_given = 0; t_x = 1;");
            if (roundRobin) {
                emit("  do :: t_x > AGENTS -> break :: else -> if :: t_given == 0 && t_x > cur && ELIGIBLE(t_x) ->"
                        + " t_given = t_x :: else -> skip fi; t_x++ od;  /* the first after the cursor */");
                emit("  t_x = 1;");
                emit("  do :: t_x > AGENTS -> break :: else -> if :: t_given == 0 && ELIGIBLE(t_x) -> t_given = t_x"
                        + " :: else -> skip fi; t_x++ od  /* else the first */");
            } else {
                emit("  t_best = 255;");
                emit("  do :: t_x > AGENTS -> break :: else -> if :: ELIGIBLE(t_x) && TOTAL(t_x) < t_best ->"
                        + " t_given = t_x; t_best = TOTAL(t_x) :: else -> skip fi; t_x++ od  /* fewest, then first */");
            }
            emit("}");
            emit("");
        }
        emit("/* the command's effect on order t_order into t_n*; t_row is 1 + the row taken, 0 when none */");
        emit("inline compute() {");
        emit("  t_row = 0; t_n = 0; t_from = st[" + i + "]; t_nst = st[" + i + "]; t_nag = ag[" + i + "];"
                + (window ? " t_nwin = win[" + i + "];" : "") + (roundRobin ? " t_ncur = cur;" : ""));
        emit("  t_x = 1; do :: t_x > AGENTS -> break :: else -> t_nact[t_x] = OWN(t_x); t_x++ od;");
        emit("  if");
        emit("  :: t_ok ->");
        emit("     t_r = first[t_from * EVENTS + t_event]; t_last = t_r + count[t_from * EVENTS + t_event];");
        emit("     do");
        emit("     :: t_r >= t_last -> break");
        emit("     :: else -> row_enabled(); if :: t_res -> t_n++; if :: t_row == 0 -> t_row = t_r + 1 :: else -> skip fi"
                + " :: else -> skip fi; t_r++");
        emit("     od");
        emit("  :: else -> skip");
        emit("  fi;");
        emit("  if");
        emit("  :: t_row != 0 ->");
        emit("     t_r = t_row - 1; t_j = 0;");
        emit("     do");
        emit("     :: t_j >= EFFECTS -> break");
        emit("     :: else ->");
        emit("        t_fx = effects[t_r * EFFECTS + t_j];");
        emit("        if");
        emit("        :: t_fx == 1 -> t_nag = 0");
        emit("        :: t_fx == 3 -> t_x = 1; do :: t_x > AGENTS -> break :: else -> t_nact[t_x] = 0; t_x++ od;");
        emit("           t_nact[t_given] = 1; t_nag = t_given");
        emit("        :: t_fx == 4 -> t_nag = t_given");
        emit("        :: t_fx == 5 -> t_x = 1; do :: t_x > AGENTS -> break :: else -> t_nact[t_x] = 0; t_x++ od;");
        emit("           t_nag = 0");
        emit("        :: else -> skip");
        emit("        fi;");
        emit("        t_j++");
        emit("     od;");
        if (roundRobin) {
            emit("     /* the cursor follows an assignment the row started and left ACTIVE */");
            emit("     if :: (guards[t_r] & " + ASSIGNS_BIT + ") && t_nact[t_given] == 1 -> t_ncur = t_given"
                    + " :: else -> skip fi;");
        }
        emit("     t_nst = target[t_r]" + (window ? "; t_nwin = ((kind[t_nst] & 2) != 0)" : ""));
        emit("  :: else -> skip");
        emit("  fi");
        emit("}");
        emit("");
        emit("inline commit() {");
        emit("  st[" + i + "] = t_nst; ag[" + i + "] = t_nag;" + (window ? " win[" + i + "] = t_nwin;" : "")
                + (roundRobin ? " cur = t_ncur;" : ""));
        emit("  t_x = 1; do :: t_x > AGENTS -> break :: else -> OWN(t_x) = t_nact[t_x]; t_x++ od");
        emit("}");
        emit("");
        checkInlines();
        trapInlines();
    }

    private String guard(Guard g) {
        return switch (g) {
            case AGENT_GIVEN -> "t_given != 0";
            case NO_AGENT_GIVEN -> "t_given == 0";
            case SAME_AGENT -> "t_given != 0 && ag[t_order] == t_given";
            case OTHER_AGENT -> "t_given != 0 && ag[t_order] != t_given";
            case AGENT_AVAILABLE -> "t_given != 0 && available[t_given]";
            case WITHIN_CAPACITY -> "t_given != 0 && (capacity[t_given] == 0 || OTHERS(t_given) < capacity[t_given])";
            case RATING_MET -> "t_given != 0 && rated[t_given]";
            case REOPEN_ALLOWED -> "REOPEN_ALLOWED";
            case HAS_AGENT -> "ag[t_order] != 0";
            case NO_AGENT -> "ag[t_order] == 0";
        };
    }

    private void checkInlines() {
        emit("/* P1 and P2 of order t_order, P3 of every agent, P7 of the command; and the state entered */");
        emit("inline check() {");
        emit("  if :: t_row != 0 && seen[st[t_order]] == 0 -> seen[st[t_order]] = 1; t_key = st[t_order];");
        emit("        c_code { if (!readtrail) printf(\"reached %d\\n\", t_key); } :: else -> skip fi;");
        emit("  if");
        emit("  :: (kind[st[t_order]] & 1) && (ag[t_order] == 0 || SUM != 1 || OWN(ag[t_order]) != 1) ->");
        emit("     t_key = st[t_order] + 1; report()");
        emit("  :: !(kind[st[t_order]] & 1) && (ag[t_order] != 0 || SUM != 0) -> t_key = st[t_order] + 1; report()");
        emit("  :: else -> skip");
        emit("  fi;");
        emit("  if :: (kind[st[t_order]] & 2) && (ag[t_order] != 0 || SUM != 0) -> t_key = STATES + st[t_order] + 1;"
                + " report() :: else -> skip fi;");
        emit("  t_x = 1;");
        emit("  do :: t_x > AGENTS -> break :: else -> if :: capacity[t_x] != 0 && TOTAL(t_x) > capacity[t_x] ->"
                + " t_key = 2 * STATES + t_x; report() :: else -> skip fi; t_x++ od;");
        emit("  if :: t_n > 1 -> t_key = 2 * STATES + " + agents + " + 1 + t_from * EVENTS + t_event; report()"
                + " :: else -> skip fi");
        emit("}");
        emit("");
    }

    private void trapInlines() {
        emit("/* t_moves: how many commands would change order 0; in parts, each a d_step of its own */");
        for (int part = 0; part * DRY_PART < stepper.actionCount(); part++) {
            emit("inline dryrun_" + part + "() {");
            for (int k = part * DRY_PART; k < Math.min(stepper.actionCount(), (part + 1) * DRY_PART); k++) {
                emit("  " + preamble(0, k) + " compute();");
                emit("  if :: t_row != 0 && (t_nst != st[0] || t_nag != ag[0]"
                        + IntStream.rangeClosed(1, agents).mapToObj(a -> " || t_nact[" + a + "] != act[" + (a - 1)
                        + "]").collect(Collectors.joining()) + (window ? " || t_nwin != win[0]" : "")
                        + (roundRobin ? " || t_ncur != cur" : "") + ") -> t_moves++ :: else -> skip fi;");
            }
            emit("  skip");
            emit("}");
        }
        emit("");
        emit("/* a trap: order 0, alone, is not final and nothing changes it (not a command, nor time passing) */");
        emit("inline trapcheck() {");
        emit("  if :: t_moves == 0 && !(kind[st[0]] & 2)" + (window ? " && !win[0]" : "") + " -> t_key = "
                + trap(0) + " + st[0]; report() :: else -> skip fi");
        emit("}");
        emit("");
    }

    /** Sets the command's order, event and agent, and does the checks made before a row is chosen. */
    private String preamble(int order, int k) {
        Action a = stepper.action(k);
        int carried = a.agent() == null ? 0 : bounds.indexOf(a.agent()) + 1;
        StringBuilder s = new StringBuilder("t_order = " + order + "; t_event = " + events.indexOf(a.event())
                + "; t_given = " + carried + "; t_ok = 1;");
        if (a.kind() == Action.Kind.UPDATE && carried != 0) {
            s.append(" if :: ag[t_order] != t_given -> t_ok = 0 :: else -> skip fi;");
        }
        if (a.kind() == Action.Kind.ASSIGN_NEXT) {
            s.append(" pick(); if :: t_given == 0 -> t_ok = 0 :: else -> skip fi;");
        }
        if (a.kind() == Action.Kind.OPEN && carried == 0 && d.policies().autoAssignOnOpen()
                && d.policies().assignment() != AssignmentStrategy.EXPLICIT) {
            s.append(" pick();");
        }
        return s.toString();
    }

    private void process() {
        emit("active proctype lifecycle() {");
        emit("  atomic {");
        emit("    c_code { t_live = !readtrail; };");
        List<String> loads = new ArrayList<>();
        for (int s = 0; s < states.size(); s++) {
            loads.add("kind[" + s + "] = " + ((d.holdsAgent(states.get(s)) ? 1 : 0) | (d.isFinal(states.get(s)) ? 2 : 0)));
        }
        for (int s = 0; s < states.size(); s++) {
            for (int e = 0; e < events.size(); e++) {
                List<Transition> rows = d.transitionsFrom(states.get(s), events.get(e));
                if (!rows.isEmpty()) {
                    loads.add("first[" + (s * events.size() + e) + "] = " + sorted.indexOf(rows.get(0)));
                    loads.add("count[" + (s * events.size() + e) + "] = " + rows.size());
                }
            }
        }
        for (int r = 0; r < sorted.size(); r++) {
            Transition t = sorted.get(r);
            loads.add("target[" + r + "] = " + states.indexOf(t.target()));
            int bits = t.effects().contains(Effect.ASSIGN) ? ASSIGNS_BIT : 0;
            for (Guard g : t.guards()) {
                bits |= 1 << GUARD_BITS.indexOf(g);
            }
            loads.add("guards[" + r + "] = " + bits);
            for (int j = 0; j < t.effects().size(); j++) {
                loads.add("effects[" + (r * maxEffects + j) + "] = " + (t.effects().get(j).ordinal() + 1));
            }
        }
        for (int a = 0; a < agents; a++) {
            AgentProfile p = bounds.agents().get(a);
            loads.add("available[" + (a + 1) + "] = " + (p.available() ? 1 : 0));
            loads.add("rated[" + (a + 1) + "] = " + (rated(a) ? 1 : 0));
            loads.add("capacity[" + (a + 1) + "] = " + bounds.capacity(a, d).orElse(0));
        }
        for (int c = 0; c < loads.size(); c += CHUNK) {
            emit("    d_step { " + String.join("; ", loads.subList(c, Math.min(loads.size(), c + CHUNK))) + " };");
        }
        emit("    d_step { skip }");
        emit("  };");
        emit("  do");
        for (int o = 0; o < bounds.orders(); o++) {
            for (int k = 0; k < stepper.actionCount(); k++) {
                int event = events.indexOf(stepper.action(k).event());
                String guard = "count[st[" + o + "] * EVENTS + " + event + "] > 0";
                String trace = "c_code { if (readtrail) printf(\"step " + o + " " + k + " %d\\n\", now.st[" + o + "]); }";
                emit("  :: d_step { " + guard + " -> " + preamble(o, k) + " compute(); if :: t_row != 0 -> "
                        + "commit() :: else -> skip fi; " + trace + "; check() }  /* " + render(o, k) + " */");
            }
        }
        if (window) {
            String any = IntStream.range(0, bounds.orders()).mapToObj(o -> "win[" + o + "]")
                    .collect(Collectors.joining(" || "));
            String pass = IntStream.range(0, bounds.orders()).mapToObj(o -> "win[" + o + "] = 0; ")
                    .collect(Collectors.joining());
            emit("  :: d_step { (" + any + ") -> " + pass + "c_code { if (readtrail) printf(\"wait\\n\"); } }"
                    + "  /* every reopen window passes */");
        }
        String idle = IntStream.range(1, bounds.orders()).mapToObj(o -> "st[" + o + "] == 0")
                .collect(Collectors.joining(" && "));
        emit("  :: atomic { " + (idle.isEmpty() ? "1" : idle) + " -> d_step { t_moves = 0 }; " + dryRun()
                + "; d_step { trapcheck() } }  /* o1 alone: a trap? */");
        emit("  od");
        emit("}");
    }

    private String dryRun() {
        return IntStream.range(0, (stepper.actionCount() + DRY_PART - 1) / DRY_PART)
                .mapToObj(part -> "d_step { dryrun_" + part + "() }").collect(Collectors.joining("; "));
    }

    /** Whether agent {@code a}'s registered rating meets the minimum-rating policy: a constant of the bounds. */
    private boolean rated(int a) {
        AgentProfile p = bounds.agents().get(a);
        Command probe = new Command.Assign("o", p.agent(), Actor.SUPERVISOR);
        return Semantics.holds(Guard.RATING_MET, new GuardContext(d, null, probe, p.agent(), null, Stepper.NOW));
    }

    private String render(int order, int k) {
        return new TraceStep.Run(stepper.command(k, ProductSearch.orderId(order)), "?").render().replace(" -> ?", "");
    }

    private String id(int agent) {
        return bounds.agents().get(agent).agentId();
    }

    private void emit(String text) {
        out.append(text).append('\n');
    }
}
