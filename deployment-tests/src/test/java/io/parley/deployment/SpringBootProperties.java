package io.parley.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Spring Boot's documented properties (its configuration metadata) under the prefixes the chart may set: the web
 * server, the gRPC server and actuator. Only the metadata on this module's test classpath counts.
 */
final class SpringBootProperties {

    static final Set<String> NAMES = load();

    private SpringBootProperties() {
    }

    private static Set<String> load() {
        Set<String> names = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            var resources = SpringBootProperties.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json");
            for (URL resource : Collections.list(resources)) {
                try (InputStream in = resource.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asText();
                        if (name.startsWith("spring.") || name.startsWith("server.") || name.startsWith("management.")) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableSet(names);
    }
}
