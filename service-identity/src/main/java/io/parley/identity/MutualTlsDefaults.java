package io.parley.identity;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code parley.service-identity.*} into Spring Boot's SSL bundle {@value #BUNDLE}, used by the gRPC server
 * (client certificates required) and by every channel Spring gRPC creates: one place for the settings of all
 * seven services, at the lowest precedence so a service can still override any of them. The bundle reloads when
 * its files change (a rotated Kubernetes Secret).
 */
class MutualTlsDefaults implements EnvironmentPostProcessor {

    static final String BUNDLE = "parley-service";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String bundle = "spring.ssl.bundle.pem." + BUNDLE;
        environment.getPropertySources().addLast(new MapPropertySource("parley-mutual-tls", Map.of(
                bundle + ".keystore.certificate", "file:${parley.service-identity.certificate}",
                bundle + ".keystore.private-key", "file:${parley.service-identity.private-key}",
                bundle + ".truststore.certificate", "file:${parley.service-identity.trusted-ca}",
                bundle + ".reload-on-update", "true",
                "spring.grpc.server.ssl.bundle", BUNDLE,
                "spring.grpc.server.ssl.client-auth", "require",
                "spring.grpc.client.channel.default.ssl.bundle", BUNDLE)));
    }
}
