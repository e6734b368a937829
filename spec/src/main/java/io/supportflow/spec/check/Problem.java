package io.supportflow.spec.check;

/**
 * One distinct breach, before its trace is attached.
 *
 * @param key identifies the breach across configurations, so each is reported once (with its shortest trace)
 */
record Problem(String key, String property, String description) {
}
