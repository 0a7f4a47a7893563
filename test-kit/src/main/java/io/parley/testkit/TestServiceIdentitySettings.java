package io.parley.testkit;

import io.parley.certificates.ServiceCertificates;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives a Parley service started in a test (named by {@code spring.application.name}) its certificate from
 * {@link ServiceIdentities}, unless the test set {@code parley.service-identity.*} itself. Runs just before the
 * services' start-up validation of those settings.
 */
class TestServiceIdentitySettings implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String service = environment.getProperty("spring.application.name");
        if (service == null || !ServiceCertificates.PARLEY_SERVICES.contains(service)
                || environment.containsProperty("parley.service-identity.certificate")) {
            return;
        }
        Map<String, Object> settings = new HashMap<>(ServiceIdentities.of(service).settings());
        environment.getPropertySources().addLast(new MapPropertySource("parley-test-service-identity", settings));
    }
}
