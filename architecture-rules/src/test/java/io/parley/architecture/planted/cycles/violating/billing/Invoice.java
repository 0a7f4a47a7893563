package io.parley.architecture.planted.cycles.violating.billing;

import io.parley.architecture.planted.cycles.violating.orders.Order;

public class Invoice {
    public String describe(Order order) {
        return "invoice for " + order.id();
    }
}
