package io.parley.chat;

import io.parley.settings.CassandraConnection;
import io.parley.settings.KafkaConnection;
import io.parley.settings.RedisConnection;
import io.parley.settings.ServicePorts;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Send path, sequencing consumers, persistence, fan-out, receipts, sync and history. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties({ServicePorts.class, KafkaConnection.class, RedisConnection.class, CassandraConnection.class})
public class ChatServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChatServiceApplication.class, args);
    }

    /** Every time the service reads is this clock's, so tests can control it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
