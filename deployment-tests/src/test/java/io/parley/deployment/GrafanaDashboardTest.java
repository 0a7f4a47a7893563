package io.parley.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard shows every metric operations.md calls worth an alert. */
class GrafanaDashboardTest {

    private static final Pattern TABLE_METRIC = Pattern.compile("`([a-z_]+)(?:\\{[^}]*})?`");

    @Test
    void everyMetricWorthAnAlertIsOnTheDashboard() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(HelmChart.CHART.resolve("dashboards/parley.json").toFile());
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> queries.add(target.path("expr").asText())));
        List<String> metrics = metricsWorthAnAlert();

        assertThat(metrics).hasSizeGreaterThanOrEqualTo(10);
        for (String metric : metrics) {
            assertThat(queries).as(metric).anyMatch(query -> query.contains(metric));
        }
    }

    /** First column of operations.md's "Metrics worth an alert" table. */
    private static List<String> metricsWorthAnAlert() throws IOException {
        String operations = Files.readString(Repository.path("docs", "operations.md"));
        String section = operations.substring(operations.indexOf("### Metrics worth an alert"));
        List<String> metrics = new ArrayList<>();
        for (String row : section.lines().skip(4).takeWhile(line -> line.startsWith("|")).toList()) {
            Matcher metric = TABLE_METRIC.matcher(row.split("\\|")[1]);
            while (metric.find()) {
                metrics.add(metric.group(1));
            }
        }
        return metrics;
    }
}
