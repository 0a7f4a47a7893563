package io.parley.media;

import io.parley.settings.CassandraConnection;
import io.parley.settings.ServicePorts;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Presigned upload/download URLs, size/type checks, download authorization. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties({ServicePorts.class, CassandraConnection.class})
public class MediaServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MediaServiceApplication.class, args);
    }

    /** Every time the service reads is this clock's (quota days, the sweeper's age limit), so tests can control it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
