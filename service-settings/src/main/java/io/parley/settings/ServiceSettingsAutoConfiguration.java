package io.parley.settings;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Every service listens on validated ports; connection settings are enabled by the services that use them. */
@AutoConfiguration
@EnableConfigurationProperties(ServicePorts.class)
public class ServiceSettingsAutoConfiguration {
}
