package io.parley.user;

import io.parley.settings.CassandraConnection;
import io.parley.settings.KafkaConnection;
import io.parley.settings.RedisConnection;
import io.parley.settings.ServicePorts;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Accounts, login, JWT issuing (JWKS), devices, profiles, blocks, privacy, E2EE key directory. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties({ServicePorts.class, KafkaConnection.class, RedisConnection.class, CassandraConnection.class})
public class UserServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(UserServiceApplication.class, args);
    }
}
