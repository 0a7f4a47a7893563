package io.parley.bench.report;

import org.HdrHistogram.Histogram;

/** Percentiles of one latency, in milliseconds. */
public record Latency(long count, double p50, double p95, double p99, double max) {

    public static final Latency NONE = new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Microsecond histogram to milliseconds. */
    public static Latency ofMicros(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return NONE;
        }
        return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(95)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
    }

    /** A histogram for microsecond latencies up to an hour, 3 significant digits. */
    public static Histogram newMicrosHistogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
