package io.supportflow.spec.check;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.rating.RatingExpression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * How far the model checker explores: how many orders run side by side and which agents they share.
 * The explored configurations grow with the power {@code orders} of one order's configurations.
 *
 * @param orders number of orders ({@code o1}, {@code o2}, ...), at least 1; P3 needs 2 or more to be breached
 * @param agents the registered agents commands may carry, sorted by id on construction; ids distinct. A profile's
 *               capacity, when null, is the lifecycle's capacity policy.
 */
public record Bounds(int orders, List<AgentProfile> agents) {
    private static final Comparator<AgentProfile> BY_ID = Comparator.comparing(AgentProfile::agentId);

    public Bounds {
        if (orders < 1) {
            throw new IllegalArgumentException("at least one order: " + orders);
        }
        AgentProfile[] sorted = agents.toArray(new AgentProfile[0]);
        Arrays.sort(sorted, BY_ID);
        agents = List.of(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i - 1].agentId().equals(sorted[i].agentId())) {
                throw new IllegalArgumentException("agent ids must be distinct: " + agents);
            }
        }
    }

    /**
     * The default bounds for {@code definition}: 2 orders; agents {@code a1} and {@code a2}, each with the policy's
     * capacity or 1 when the policy sets none (so that 2 orders can contend for an agent). With a minimum-rating
     * policy, {@code a1} and {@code a2} have a rating meeting it and a third agent {@code a3} one failing it (when
     * such ratings exist among 0, 0.5, ..., 5); without one, agents have no rating.
     */
    public static Bounds defaults(Lifecycle definition) {
        Integer policy = definition.policies().agentCapacity();
        int capacity = policy == null ? 1 : policy;
        RatingExpression minimum = definition.policies().minimumRating();
        List<String> ratings = new ArrayList<>();
        if (minimum == null) {
            ratings.add(null);
            ratings.add(null);
        } else {
            Optional<String> meeting = ratingWhere(minimum, true);
            Optional<String> failing = ratingWhere(minimum, false);
            String eligible = meeting.or(() -> failing).orElseThrow();
            ratings.add(eligible);
            ratings.add(eligible);
            meeting.flatMap(m -> failing).ifPresent(ratings::add);
        }
        List<AgentProfile> agents = new ArrayList<>();
        for (String rating : ratings) {
            agents.add(profile("a" + (agents.size() + 1), capacity, rating));
        }
        return new Bounds(2, agents);
    }

    /** These bounds with another number of orders. */
    public Bounds withOrders(int count) {
        return new Bounds(count, agents);
    }

    /** The agent's capacity: its own, else the policy's; empty when unlimited. */
    Optional<Integer> capacity(int agent, Lifecycle definition) {
        Integer own = agents.get(agent).capacity();
        return Optional.ofNullable(own != null ? own : definition.policies().agentCapacity());
    }

    /** Index of the agent with {@code id} in {@link #agents()}, or -1. */
    int indexOf(String id) {
        for (int i = 0; i < agents.size(); i++) {
            if (agents.get(i).agentId().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    String render(Lifecycle definition) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            AgentProfile p = agents.get(i);
            String capacity = capacity(i, definition).map(c -> "capacity " + c).orElse("no capacity limit");
            String rating = p.agent().rating() == null ? "" : ", rating " + p.agent().rating();
            String available = p.available() ? "" : ", unavailable";
            parts.add(p.agentId() + " (" + capacity + rating + available + ")");
        }
        return orders + (orders == 1 ? " order" : " orders") + "; agents: "
                + (parts.isEmpty() ? "none" : String.join(", ", parts));
    }

    private static AgentProfile profile(String id, int capacity, String rating) {
        return new AgentProfile(id, capacity, true, new Agent(id, null, null, null, rating));
    }

    private static Optional<String> ratingWhere(RatingExpression minimum, boolean meets) {
        IntStream halves = meets ? IntStream.iterate(10, h -> h >= 0, h -> h - 1) : IntStream.rangeClosed(0, 10);
        return halves.mapToObj(h -> h % 2 == 0 ? Integer.toString(h / 2) : (h / 2) + ".5")
                .filter(r -> minimum.test(Double.parseDouble(r)) == meets)
                .findFirst();
    }
}
