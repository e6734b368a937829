package io.supportflow.spec.govstack;

/** GovStack {@code Support}: the details of customer support for one order. */
public record Support(Descriptor descriptor, String orderId, String callbackPhone, Chat chat, Faq faq, Agent agent) {

    /** A support object with only its order id set. */
    public static Support forOrder(String orderId) {
        return new Support(null, orderId, null, null, null, null);
    }

    /** This support object with {@code agent} replaced (which may be {@code null}). */
    public Support withAgent(Agent newAgent) {
        return new Support(descriptor, orderId, callbackPhone, chat, faq, newAgent);
    }

    /** This support object with {@code order_id} replaced. */
    public Support withOrderId(String newOrderId) {
        return new Support(descriptor, newOrderId, callbackPhone, chat, faq, agent);
    }
}
