package io.parley.bench.hops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void readsNamesLabelsAndValuesAndSkipsComments() {
        List<PrometheusText.Sample> samples = PrometheusText.parse("""
                # HELP parley_x_seconds Something
                # TYPE parley_x_seconds histogram
                parley_x_seconds_bucket{le="0.005",service="gateway-service",} 3.0
                parley_x_seconds_bucket{le="+Inf",service="gateway-service"} 7.0 1700000000000
                up 1
                weird{path="a\\"b\\\\c"} NaN
                """);

        assertThat(samples).hasSize(4);
        assertThat(samples.get(0)).isEqualTo(new PrometheusText.Sample("parley_x_seconds_bucket",
                Map.of("le", "0.005", "service", "gateway-service"), 3.0));
        assertThat(samples.get(1).labels().get("le")).isEqualTo("+Inf");
        assertThat(samples.get(1).value()).isEqualTo(7.0);
        assertThat(samples.get(2)).isEqualTo(new PrometheusText.Sample("up", Map.of(), 1.0));
        assertThat(samples.get(3).labels().get("path")).isEqualTo("a\"b\\c");
        assertThat(samples.get(3).value()).isNaN();
    }
}
