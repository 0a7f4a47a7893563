package io.parley.bench.hops;

import io.parley.bench.net.HttpResult;
import io.parley.bench.net.SimpleHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Per-hop timings from the services' own metrics: every {@code parley_*_seconds} histogram or timer, scraped before
 * and after a step, reduced to what happened in between. No list of names: whatever the services publish under the
 * prefix shows up.
 */
public final class HopBreakdown {

    public static final String PREFIX = "parley_";

    private final SimpleHttp http;
    private final List<URI> endpoints;
    private final Set<URI> warned = new HashSet<>();

    public HopBreakdown(SimpleHttp http, List<URI> endpoints) {
        this.http = http;
        this.endpoints = endpoints;
    }

    /** Cumulative timers of every reachable endpoint, keyed by series (name and labels, plus the endpoint). */
    public Map<String, TimerHistogram> scrape() {
        Map<String, TimerHistogram> all = new LinkedHashMap<>();
        for (URI endpoint : endpoints) {
            try {
                HttpResult result = http.getNow(endpoint);
                if (!result.ok()) {
                    throw new IllegalStateException("HTTP " + result.status());
                }
                String instance = endpoint.getHost() + ":" + endpoint.getPort();
                timers(PrometheusText.parse(result.body()), instance).forEach(all::put);
            } catch (RuntimeException e) {
                if (warned.add(endpoint)) {
                    System.err.println("metrics: cannot scrape " + endpoint + " (" + e.getMessage() + "); skipped");
                }
            }
        }
        return all;
    }

    /** The timers that recorded something between the two scrapes. */
    public static List<HopRow> between(Map<String, TimerHistogram> before, Map<String, TimerHistogram> after) {
        List<HopRow> rows = new ArrayList<>();
        for (Map.Entry<String, TimerHistogram> entry : after.entrySet()) {
            TimerHistogram delta = entry.getValue().minus(before.get(entry.getKey()));
            if (delta.count() > 0) {
                rows.add(new HopRow(entry.getKey(), (long) delta.count(), delta.meanSeconds() * 1000,
                        delta.quantileSeconds(0.99) * 1000));
            }
        }
        return rows;
    }

    /** Groups {@code *_seconds_bucket|_count|_sum} samples of names under the prefix into one timer per series. */
    static Map<String, TimerHistogram> timers(List<PrometheusText.Sample> samples, String instance) {
        Map<String, double[]> countSum = new TreeMap<>();
        Map<String, TreeMap<Double, Double>> buckets = new TreeMap<>();
        for (PrometheusText.Sample sample : samples) {
            String name = sample.name();
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String suffix = name.endsWith("_seconds_bucket") ? "_bucket"
                    : name.endsWith("_seconds_count") ? "_count"
                    : name.endsWith("_seconds_sum") ? "_sum" : null;
            if (suffix == null) {
                continue;
            }
            String base = name.substring(0, name.length() - suffix.length());
            String key = base + labels(sample.labels(), instance);
            if (suffix.equals("_bucket")) {
                double le = PrometheusText.parseValue(sample.labels().get("le"));
                buckets.computeIfAbsent(key, k -> new TreeMap<>()).put(le, sample.value());
            } else {
                countSum.computeIfAbsent(key, k -> new double[2])[suffix.equals("_count") ? 0 : 1] = sample.value();
            }
        }
        Map<String, TimerHistogram> timers = new LinkedHashMap<>();
        countSum.forEach((key, cs) -> timers.put(key,
                new TimerHistogram(cs[0], cs[1], buckets.getOrDefault(key, new TreeMap<>()))));
        return timers;
    }

    private static String labels(Map<String, String> labels, String instance) {
        String inner = labels.entrySet().stream()
                .filter(e -> !e.getKey().equals("le"))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        return "{" + (inner.isEmpty() ? "" : inner + ",") + "instance=" + instance + "}";
    }
}
