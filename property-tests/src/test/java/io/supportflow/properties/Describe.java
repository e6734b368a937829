package io.supportflow.properties;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.model.Command;

/** Short, complete descriptions of commands for the steps jqwik prints when a chain fails. */
final class Describe {

    private Describe() {
    }

    static String command(Command c) {
        String head = c.event() + " " + c.orderId() + " by " + c.actor();
        if (c instanceof Command.Open open) {
            return head + " " + body(open.body());
        }
        if (c instanceof Command.Update update) {
            return head + " " + body(update.body());
        }
        if (c instanceof Command.AssignNext) {
            return "assignNext " + c.orderId() + " by " + c.actor();
        }
        return c.agent() == null ? head : head + " agent " + agent(c.agent());
    }

    static String body(Support s) {
        return "{name=" + (s.descriptor() == null ? null : s.descriptor().name()) + ", order_id=" + s.orderId()
                + ", phone=" + s.callbackPhone() + ", chat=" + (s.chat() != null) + ", faq=" + (s.faq() != null)
                + ", agent=" + (s.agent() == null ? null : agent(s.agent())) + "}";
    }

    static String agent(Agent a) {
        return "'" + a.id() + "'" + (a.rating() == null ? "" : " rated " + a.rating())
                + (a.contact() == null ? "" : " contact " + a.contact());
    }
}
