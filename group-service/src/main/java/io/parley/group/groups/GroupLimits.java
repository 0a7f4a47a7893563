package io.parley.group.groups;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * group-service's limits.
 *
 * @param maxMembers the hard cap on members per group, creator included (2..1024: the fan-out is designed for 1,024)
 * @param joinsPerWindow joins by invite link one user may attempt per window, valid link or not
 * @param joinWindow the window of {@code joinsPerWindow}
 */
@Validated
@ConfigurationProperties("parley.group")
public record GroupLimits(
        @Min(value = 2, message = "must be at least 2") @Max(value = 1024, message = "must be at most 1024") int maxMembers,
        @Min(value = 1, message = "must be at least 1") @Max(value = 10_000, message = "must be at most 10000") int joinsPerWindow,
        @NotNull @DurationMin(seconds = 1, message = "must be at least 1s")
        @DurationMax(hours = 24, message = "must be at most 24h") Duration joinWindow) {
}
