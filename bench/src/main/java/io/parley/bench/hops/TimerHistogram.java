package io.parley.bench.hops;

import java.util.Map;
import java.util.TreeMap;

/**
 * One timer's cumulative state as scraped: count, sum (seconds) and cumulative bucket counts by upper bound
 * ({@code le}, seconds; may be empty when the timer publishes no histogram).
 */
public record TimerHistogram(double count, double sum, TreeMap<Double, Double> buckets) {

    /** What happened between {@code before} and this scrape (before may be null: the timer is new). */
    public TimerHistogram minus(TimerHistogram before) {
        if (before == null) {
            return this;
        }
        TreeMap<Double, Double> delta = new TreeMap<>();
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            delta.put(bucket.getKey(), bucket.getValue() - before.buckets.getOrDefault(bucket.getKey(), 0.0));
        }
        return new TimerHistogram(count - before.count, sum - before.sum, delta);
    }

    public double meanSeconds() {
        return count > 0 ? sum / count : Double.NaN;
    }

    /**
     * The {@code q} quantile estimated from cumulative buckets, interpolating linearly inside the bucket that holds
     * it (as Prometheus' histogram_quantile does); NaN without buckets or observations. A quantile that falls in the
     * +Inf bucket is reported as the highest finite bound.
     */
    public double quantileSeconds(double q) {
        if (buckets.isEmpty() || count <= 0) {
            return Double.NaN;
        }
        double total = buckets.lastEntry().getValue();
        if (total <= 0) {
            return Double.NaN;
        }
        double target = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            double upperBound = bucket.getKey();
            double cumulative = bucket.getValue();
            if (cumulative >= target) {
                if (Double.isInfinite(upperBound)) {
                    return lowerBound;
                }
                double inBucket = cumulative - lowerCount;
                return inBucket <= 0 ? upperBound
                        : lowerBound + (upperBound - lowerBound) * (target - lowerCount) / inBucket;
            }
            lowerBound = upperBound;
            lowerCount = cumulative;
        }
        return lowerBound;
    }
}
