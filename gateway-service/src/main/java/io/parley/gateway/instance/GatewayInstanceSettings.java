package io.parley.gateway.instance;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who this gateway instance is in the connection registry, and where chat-service reaches its Delivery gRPC service.
 *
 * @param id unique per running instance (the default is random per process); registry entries name it as the holder of their connection
 * @param advertisedHost the address other services dial for Delivery, e.g. the pod IP on Kubernetes
 * @param announceInterval how often the instance re-announces itself
 * @param announceTtl how long an announcement outlives an instance that died without withdrawing it
 */
@Validated
@ConfigurationProperties("parley.gateway.instance")
public record GatewayInstanceSettings(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1..64 of A-Z a-z 0-9 . _ -") String id,
        @NotBlank @Pattern(regexp = "[^\\s:]+", message = "must be a host name or IPv4 address") String advertisedHost,
        @NotNull @DurationMin(seconds = 1, message = "must be at least 1s") Duration announceInterval,
        @NotNull @DurationMin(seconds = 2, message = "must be at least 2s") Duration announceTtl) {

    @AssertTrue(message = "announce-ttl must be longer than announce-interval")
    public boolean isAnnouncedBeforeExpiry() {
        return announceInterval == null || announceTtl == null || announceTtl.compareTo(announceInterval) > 0;
    }
}
