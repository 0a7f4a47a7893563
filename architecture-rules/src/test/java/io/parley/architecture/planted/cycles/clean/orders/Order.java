package io.parley.architecture.planted.cycles.clean.orders;

import io.parley.architecture.planted.cycles.clean.billing.Invoice;

public record Order(String id, Invoice invoice) {
}
