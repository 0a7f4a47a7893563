package io.parley.architecture.planted.cycles.clean.billing;

public record Invoice(String orderId) {
}
