package io.parley.bench.presence;

import io.parley.bench.hops.PrometheusText;
import io.parley.bench.net.HttpResult;
import io.parley.bench.net.SimpleHttp;
import java.net.URI;

/** A service's CPU time so far, from its Prometheus endpoint ({@code process_cpu_time_seconds_total}). */
final class ServiceCpu {

    private final SimpleHttp http;
    private final URI metrics;

    ServiceCpu(SimpleHttp http, URI metrics) {
        this.http = http;
        this.metrics = metrics;
    }

    /** Seconds of CPU the service's process used since it started; NaN if the endpoint does not say. */
    double seconds() {
        try {
            HttpResult result = http.getNow(metrics);
            if (result.status() != 200) {
                return Double.NaN;
            }
            return PrometheusText.parse(result.body()).stream()
                    .filter(sample -> sample.name().equals("process_cpu_time_seconds_total"))
                    .mapToDouble(PrometheusText.Sample::value).findFirst().orElse(Double.NaN);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
