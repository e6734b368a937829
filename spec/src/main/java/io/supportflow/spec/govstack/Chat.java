package io.supportflow.spec.govstack;

/** GovStack {@code Support.chat}: where the chat runs. */
public record Chat(String url, String sessionId) {
}
