package io.parley.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker-compose.yml, checked the way the chart is: it cannot be run here (no Docker engine), so it is read. */
class ComposeFileTest {

    private static final Pattern EDGE_ROUTE =
            Pattern.compile("location\\s+(?:=\\s+)?(\\S+)\\s*\\{[^}]*?proxy_pass\\s+http://([a-z-]+):(\\d+)");
    private static JsonNode services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        services = new ObjectMapper(new YAMLFactory()).readTree(Repository.path("docker-compose.yml").toFile()).path("services");
    }

    @Test
    void everyContainerHasAHealthcheckAndAMemoryLimit() {
        assertThat(services.size()).isGreaterThanOrEqualTo(ParleyServices.ALL.size() + 4);
        services.fields().forEachRemaining(service -> {
            JsonNode spec = service.getValue();
            assertThat(spec.path("healthcheck").path("test").size()).as(service.getKey() + " healthcheck").isPositive();
            boolean limited = spec.hasNonNull("mem_limit")
                    || spec.path("deploy").path("resources").path("limits").hasNonNull("memory");
            assertThat(limited).as(service.getKey() + " memory limit").isTrue();
        });
    }

    @Test
    void everyDependencyWaitsForHealth() {
        services.fields().forEachRemaining(service -> service.getValue().path("depends_on").fields().forEachRemaining(dependency -> {
            assertThat(services.has(dependency.getKey())).as(service.getKey() + " -> " + dependency.getKey()).isTrue();
            assertThat(dependency.getValue().path("condition").asText())
                    .as(service.getKey() + " -> " + dependency.getKey()).isEqualTo("service_healthy");
        }));
    }

    @Test
    void oneEntryPointIsPublished() {
        List<String> published = new ArrayList<>();
        services.fields().forEachRemaining(service -> service.getValue().path("ports")
                .forEach(port -> published.add(service.getKey() + " " + port.asText())));

        assertThat(published).containsExactly("edge 8080:8080");
    }

    @Test
    void theServicesGetRealSettingsWithTheChartsNamesAndPorts() {
        RenderedRelease chart = RenderedRelease.of("default values", List.of());
        for (ParleyServices service : ParleyServices.ALL) {
            Map<String, String> environment = environment(service);

            assertThat(environment.keySet()).as(service.module() + " settings").allMatch(ServiceSettingsCatalog.ALL.get(service)::binds);
            assertThat(environment.keySet()).as(service.module() + " settings the chart sets too")
                    .isSubsetOf(chart.environmentNames(service));
            assertThat(environment.get("PARLEY_PORTS_HTTP")).isEqualTo(chart.settings(service).get("PARLEY_PORTS_HTTP"));
            assertThat(environment.get("PARLEY_PORTS_GRPC")).isEqualTo(chart.settings(service).get("PARLEY_PORTS_GRPC"));
            assertThat(services.path(service.module()).path("image").asText())
                    .startsWith("${PARLEY_IMAGE_REGISTRY:-parley}/" + service.module() + ":");
            assertThat(services.path(service.module()).path("healthcheck").path("test").toString())
                    .contains("/dev/tcp/127.0.0.1/" + environment.get("PARLEY_PORTS_HTTP"));
        }
    }

    @Test
    void theEntryPointRoutesTheWebSocketAndEveryRestPrefixToItsService() throws IOException {
        Map<String, String> routes = new HashMap<>();
        Matcher route = EDGE_ROUTE.matcher(Files.readString(Repository.path("compose", "edge.conf")));
        while (route.find()) {
            routes.put(route.group(1), route.group(2));
        }

        assertThat(routes).containsEntry("/v1/ws", ParleyServices.GATEWAY.module());
        for (ParleyServices service : ParleyServices.ALL) {
            for (String prefix : RestPrefixes.of(service)) {
                assertThat(routes).as("route of " + prefix).containsEntry(prefix, service.module());
            }
        }
    }

    private static Map<String, String> environment(ParleyServices service) {
        Map<String, String> environment = new HashMap<>();
        services.path(service.module()).path("environment").fields()
                .forEachRemaining(variable -> environment.put(variable.getKey(), variable.getValue().asText()));
        return environment;
    }
}
