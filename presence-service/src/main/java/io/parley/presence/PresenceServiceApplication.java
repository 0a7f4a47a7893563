package io.parley.presence;

import io.parley.settings.CassandraConnection;
import io.parley.settings.RedisConnection;
import io.parley.settings.ServicePorts;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Online / last-seen state, presence subscriptions and typing relay. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties({ServicePorts.class, RedisConnection.class, CassandraConnection.class})
public class PresenceServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PresenceServiceApplication.class, args);
    }
}
