package io.parley.gateway.presence;

import io.parley.identity.ServiceChannels;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway reports its connections to presence-service and asks it for presence.
 *
 * @param address presence-service's gRPC target, one instance or all ({@link ServiceChannels#TARGET_PATTERN})
 * @param callTimeout deadline of one call
 * @param reportInterval how often the gateway sends the connections opened and closed since its last report (and
 *        its heartbeat); a user shows online this long after connecting at worst
 * @param livenessTtl how long presence-service waits for the next report before it declares this gateway dead and
 *        takes its devices offline (after the grace): the bound on "online" outliving a killed gateway
 */
@Validated
@ConfigurationProperties("parley.gateway.presence-service")
public record PresenceServiceSettings(
        @NotBlank @Pattern(regexp = ServiceChannels.TARGET_PATTERN, message = ServiceChannels.TARGET_MESSAGE) String address,
        @NotNull @DurationMin(millis = 100, message = "must be at least 100ms") Duration callTimeout,
        @NotNull @DurationMin(millis = 50, message = "must be at least 50ms")
        @DurationMax(seconds = 30, message = "must be at most 30s") Duration reportInterval,
        @NotNull @DurationMin(seconds = 1, message = "must be at least 1s")
        @DurationMax(minutes = 5, message = "must be at most 5m") Duration livenessTtl) {

    @AssertTrue(message = "liveness-ttl must be at least twice report-interval")
    public boolean isReportedBeforeExpiry() {
        return reportInterval == null || livenessTtl == null || livenessTtl.compareTo(reportInterval.multipliedBy(2)) >= 0;
    }
}
