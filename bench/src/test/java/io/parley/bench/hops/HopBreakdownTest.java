package io.parley.bench.hops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HopBreakdownTest {

    private static String scrape(double b1, double b2, double inf, double sum) {
        return """
                parley_send_latency_seconds_bucket{outcome="sent",le="0.01"} %s
                parley_send_latency_seconds_bucket{outcome="sent",le="0.1"} %s
                parley_send_latency_seconds_bucket{outcome="sent",le="+Inf"} %s
                parley_send_latency_seconds_count{outcome="sent"} %s
                parley_send_latency_seconds_sum{outcome="sent"} %s
                parley_send_latency_seconds_max{outcome="sent"} 0.5
                parley_connections 3
                jvm_gc_pause_seconds_count 9
                parley_idle_seconds_count 4
                parley_idle_seconds_sum 2
                """.formatted(b1, b2, inf, inf, sum);
    }

    @Test
    void onlyPrefixedSecondsTimersThatChangedAppearWithTheirDelta() {
        Map<String, TimerHistogram> before = HopBreakdown.timers(PrometheusText.parse(scrape(10, 10, 10, 0.05)), "h:1");
        Map<String, TimerHistogram> after = HopBreakdown.timers(PrometheusText.parse(scrape(60, 110, 110, 2.55)), "h:1");

        List<HopRow> rows = HopBreakdown.between(before, after);

        assertThat(rows).hasSize(1);
        HopRow row = rows.get(0);
        assertThat(row.series()).isEqualTo("parley_send_latency_seconds{outcome=sent,instance=h:1}");
        assertThat(row.count()).isEqualTo(100);
        assertThat(row.meanMillis()).isCloseTo(25.0, within(1e-9));
        // 99th of 100 observations: 50 under 10 ms, 50 between 10 and 100 ms -> 10 + 90 * 49/50 ms.
        assertThat(row.p99Millis()).isCloseTo(98.2, within(1e-9));
    }

    @Test
    void aQuantileInTheInfiniteBucketIsTheHighestFiniteBound() {
        TreeMap<Double, Double> buckets = new TreeMap<>(Map.of(0.1, 1.0, Double.POSITIVE_INFINITY, 10.0));

        assertThat(new TimerHistogram(10, 5, buckets).quantileSeconds(0.99)).isEqualTo(0.1);
    }

    @Test
    void aTimerWithoutBucketsHasAMeanButNoQuantile() {
        TimerHistogram timer = new TimerHistogram(4, 2, new TreeMap<>());

        assertThat(timer.meanSeconds()).isEqualTo(0.5);
        assertThat(timer.quantileSeconds(0.99)).isNaN();
    }

    @Test
    void aNewTimerCountsFromZero() {
        Map<String, TimerHistogram> after = HopBreakdown.timers(PrometheusText.parse(scrape(1, 2, 2, 0.1)), "h:1");

        assertThat(HopBreakdown.between(Map.of(), after)).extracting(HopRow::count).containsExactlyInAnyOrder(2L, 4L);
    }
}
