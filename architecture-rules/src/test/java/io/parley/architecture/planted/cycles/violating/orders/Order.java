package io.parley.architecture.planted.cycles.violating.orders;

import io.parley.architecture.planted.cycles.violating.billing.Invoice;

public record Order(String id, Invoice invoice) {
}
