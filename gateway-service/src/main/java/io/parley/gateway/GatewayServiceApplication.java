package io.parley.gateway;

import io.parley.protocol.FrameCodec;
import io.parley.settings.KafkaConnection;
import io.parley.settings.RedisConnection;
import io.parley.settings.ServicePorts;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** WebSocket gateway: device connections, handshake auth, heartbeats, backpressure, connection registry. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties({ServicePorts.class, RedisConnection.class, KafkaConnection.class})
public class GatewayServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Protocol v1's JSON codec: stateless, one for every connection. */
    @Bean
    FrameCodec frameCodec() {
        return new FrameCodec();
    }
}
