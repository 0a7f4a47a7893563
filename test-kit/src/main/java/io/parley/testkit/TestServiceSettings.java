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
 * What every Parley service started in a test (named by {@code spring.application.name}) gets: its certificate from
 * {@link ServiceIdentities}, unless the test set {@code parley.service-identity.*} itself, and a WebTestClient that
 * waits 30 s for an answer instead of 5 (a loaded CI machine once took longer for one REST call, and the test
 * failed). Runs just before the services' start-up validation of the settings.
 */
class TestServiceSettings implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String service = environment.getProperty("spring.application.name");
        if (service == null || !ServiceCertificates.PARLEY_SERVICES.contains(service)) {
            return;
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.test.webtestclient.timeout", "30s");
        if (!environment.containsProperty("parley.service-identity.certificate")) {
            settings.putAll(ServiceIdentities.of(service).settings());
        }
        environment.getPropertySources().addLast(new MapPropertySource("parley-test-service-settings", settings));
    }
}
