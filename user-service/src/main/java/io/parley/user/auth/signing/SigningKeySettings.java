package io.parley.user.auth.signing;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How access-token signing keys are rotated and protected.
 *
 * @param rotationPeriod  age after which a new key is generated
 * @param prePublication  how long a new key is served in the JWKS before it signs anything, so every pod
 *                        (and every verifier's cache) knows it first; must exceed {@code refreshInterval}
 * @param refreshInterval how often each pod reloads the key ring from Cassandra
 * @param encryptionKey   AES-256 key (32 bytes, base64) that encrypts private keys at rest
 */
@Validated
@ConfigurationProperties("parley.user.signing-keys")
public record SigningKeySettings(
        @DefaultValue("30d") @NotNull(message = "must be a duration, e.g. 30d") @DurationMin(hours = 1, message = "must be at least 1h")
        Duration rotationPeriod,
        @DefaultValue("10m") @NotNull(message = "must be a duration, e.g. 10m") Duration prePublication,
        @DefaultValue("1m") @NotNull(message = "must be a duration, e.g. 1m") @DurationMin(seconds = 1, message = "must be at least 1s")
        Duration refreshInterval,
        @NotNull(message = "must be set (32 random bytes, base64)")
        @Pattern(regexp = "[A-Za-z0-9+/]{43}=", message = "must be 32 random bytes, base64-encoded (44 characters)")
        String encryptionKey) {

    @AssertTrue(message = "pre-publication must be longer than refresh-interval, or a pod could sign with a key others do not serve yet")
    public boolean isPrePublicationLongerThanRefreshInterval() {
        return prePublication == null || refreshInterval == null || prePublication.compareTo(refreshInterval) > 0;
    }

    @Override
    public String toString() {
        return "SigningKeySettings[rotationPeriod=" + rotationPeriod + ", prePublication=" + prePublication
                + ", refreshInterval=" + refreshInterval + "]";
    }
}
