package io.parley.group;

import io.parley.settings.CassandraConnection;
import io.parley.settings.KafkaConnection;
import io.parley.settings.RedisConnection;
import io.parley.settings.ServicePorts;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Groups, membership, roles and caps. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties({ServicePorts.class, KafkaConnection.class, RedisConnection.class, CassandraConnection.class})
public class GroupServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(GroupServiceApplication.class, args);
    }
}
