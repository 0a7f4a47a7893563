package io.parley.gateway.connection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of one device connection. Defaults live in application.yaml.
 *
 * @param maxFrameBytes a larger frame closes the connection with 1009; must leave room for a 64 KiB body
 * @param idleTimeout a connection that sends no frame for this long is closed (clients ping well within it)
 * @param outboundQueueFrames frames waiting for a device that does not read; beyond it the device is disconnected
 * @param outboundQueueChars the same bound in characters of JSON, so a few large frames cannot eat the heap
 * @param maxInFlightFrames frames of one connection being handled at once; more wait, which stops reading the socket
 * @param syncPageSize inbox entries fetched per page while a device catches up
 * @param sendRatePerSecond sustained sends per second a device may make
 * @param sendBurst sends a device may make at once after being quiet
 * @param sweepInterval how often idle connections are found and registry entries refreshed
 * @param closeGrace how long a connection the gateway closes may take to write its last frames and the close
 *        handshake; after it (found by the next sweep) the TCP connection is cut
 */
@Validated
@ConfigurationProperties("parley.gateway.connection")
public record ConnectionSettings(
        @Min(value = 131_072, message = "must be at least 131072 so that a 64 KiB body fits in a frame")
        @Max(value = 16_777_216, message = "must be at most 16777216") int maxFrameBytes,
        @NotNull @DurationMin(seconds = 5, message = "must be at least 5s") Duration idleTimeout,
        @Min(value = 16, message = "must be at least 16") int outboundQueueFrames,
        @Min(value = 262_144, message = "must be at least 262144") long outboundQueueChars,
        @Min(value = 1, message = "must be at least 1") @Max(value = 1024, message = "must be at most 1024")
        int maxInFlightFrames,
        @Min(value = 1, message = "must be at least 1") @Max(value = 500, message = "must be at most 500") int syncPageSize,
        @Min(value = 1, message = "must be at least 1") int sendRatePerSecond,
        @Min(value = 1, message = "must be at least 1") int sendBurst,
        @NotNull @DurationMin(millis = 100, message = "must be at least 100ms") Duration sweepInterval,
        @NotNull @DurationMin(millis = 0, message = "must not be negative")
        @DurationMax(seconds = 60, message = "must be at most 60s") Duration closeGrace) {
}
