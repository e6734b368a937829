package io.supportflow.properties;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Long campaigns and reproduction from the command line, for every property of this module (registered through
 * {@code META-INF/services}): {@code -Dcampaign.factor=N} multiplies each property's tries by N, and
 * {@code -Dcampaign.seed=S} runs every property with the fixed seed S (jqwik prints a failing run's seed).
 * Without these system properties nothing changes.
 */
public final class Campaign implements AroundPropertyHook {
    private static final String FACTOR = "campaign.factor";
    private static final String SEED = "campaign.seed";

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyAttributes attributes = context.attributes();
        int factor = Integer.getInteger(FACTOR, 1);
        if (factor > 1) {
            attributes.tries().ifPresent(tries -> attributes.setTries(tries * factor));
        }
        String seed = System.getProperty(SEED, "");
        if (!seed.isBlank()) {
            attributes.setSeed(seed.trim());
        }
        return property.execute();
    }
}
