package io.parley.user.ticket;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How long a browser connect ticket may wait to be redeemed. Long enough to open a WebSocket, no longer. */
@Validated
@ConfigurationProperties("parley.user.connect-tickets")
public record ConnectTicketSettings(
        @DefaultValue("30s") @NotNull(message = "must be a duration, e.g. 30s")
        @DurationMin(seconds = 1, message = "must be at least 1s") @DurationMax(minutes = 5, message = "must be at most 5m")
        Duration lifetime) {
}
