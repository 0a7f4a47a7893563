package io.parley.bench.hops;

/** One timer over one step: how many observations, their mean and the estimated p99 (milliseconds). */
public record HopRow(String series, long count, double meanMillis, double p99Millis) {
}
