package io.parley.media;

import io.parley.settings.CassandraConnection;
import io.parley.settings.ServicePorts;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Presigned upload/download URLs, size/type checks, download authorization. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties({ServicePorts.class, CassandraConnection.class})
public class MediaServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MediaServiceApplication.class, args);
    }
}
