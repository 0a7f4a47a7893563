package io.parley.gateway;

import io.parley.settings.RedisConnection;
import io.parley.settings.ServicePorts;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** WebSocket gateway: device connections, handshake auth, heartbeats, backpressure, session registry. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties({ServicePorts.class, RedisConnection.class})
public class GatewayServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayServiceApplication.class, args);
    }
}
