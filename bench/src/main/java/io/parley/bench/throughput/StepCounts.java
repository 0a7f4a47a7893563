package io.parley.bench.throughput;

import io.parley.bench.report.Latency;

/**
 * What one step's messages did. {@code lost}: acknowledged {@code sent} but never reached the partner by the end of
 * the drain; {@code duplicated}: a chat seq a device received twice; {@code outOfOrder}: a seq below one the device
 * already had in that chat; {@code late}: arrived after its step was closed; {@code unconfirmed}: neither
 * {@code sent} nor {@code error} came back and it was not delivered; {@code deliveredUnconfirmed}: delivered though
 * no {@code sent} came back.
 */
public record StepCounts(long written, long sentAcked, long errors, long delivered, double deliveredPerSecond,
        long lost, long duplicated, long outOfOrder, long late, long unconfirmed, long deliveredUnconfirmed,
        Latency sendToSent, Latency sendToDelivered, Latency generatorLag) {
}
