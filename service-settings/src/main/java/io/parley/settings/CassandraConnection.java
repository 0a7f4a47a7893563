package io.parley.settings;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where Cassandra is and which keyspace this service owns (one keyspace per service).
 * The keyspace is created by the migrations with the given replication factor.
 */
@Validated
@ConfigurationProperties("parley.cassandra")
public record CassandraConnection(
        @NotEmpty(message = "must list at least one host:port")
        List<@Pattern(regexp = "[^\\s:]+:\\d{1,5}", message = "must be host:port") String> contactPoints,
        @NotBlank(message = "must name the Cassandra data center") String localDatacenter,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,47}", message = "must be a lower-case CQL identifier")
        String keyspace,
        @Min(value = 1, message = "must be at least 1") int replicationFactor) {
}
