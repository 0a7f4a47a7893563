package io.parley.push;

import io.parley.settings.CassandraConnection;
import io.parley.settings.KafkaConnection;
import io.parley.settings.ServicePorts;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Device push tokens and APNs / FCM / Web Push delivery. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties({ServicePorts.class, KafkaConnection.class, CassandraConnection.class})
public class PushServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PushServiceApplication.class, args);
    }

    /** One clock for every time decision (expiry, backoff, token refresh), so tests can control it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
