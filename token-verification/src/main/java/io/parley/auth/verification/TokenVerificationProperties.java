package io.parley.auth.verification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where a service finds user-service's public signing keys and which tokens it accepts.
 *
 * @param jwksUri   user-service's JWKS document, e.g. {@code http://user-service:8081/v1/.well-known/jwks.json}
 * @param issuer    the {@code iss} every token must carry (user-service's {@code parley.user.tokens.issuer})
 * @param audience  the {@code aud} every token must contain
 * @param clockSkew tolerance for {@code exp}/{@code nbf} between this host's clock and user-service's
 * @param jwksTimeout how long one JWKS download may take before the token is rejected
 * @param jwksCoolDown the least time between two JWKS downloads: a token with an unknown {@code kid} within it
 *                  is rejected without a download, so forged {@code kid}s cannot make every request download
 *                  the JWKS. Must stay well below user-service's {@code signing-keys.pre-publication} (10 min),
 *                  so a rotated key is always published before the last download that could have missed it.
 */
@Validated
@ConfigurationProperties("parley.auth")
public record TokenVerificationProperties(
        @NotNull(message = "must be the URL of user-service's JWKS, e.g. http://user-service:8081/v1/.well-known/jwks.json")
        URI jwksUri,
        @NotBlank(message = "must name the token issuer, e.g. https://parley.local/user-service") String issuer,
        @DefaultValue(ParleyTokenValidators.AUDIENCE) @NotBlank(message = "must not be blank") String audience,
        @DefaultValue("30s") @NotNull(message = "must be a duration, e.g. 30s") Duration clockSkew,
        @DefaultValue("5s") @NotNull(message = "must be a duration, e.g. 5s") Duration jwksTimeout,
        @DefaultValue("30s") @NotNull(message = "must be a duration, e.g. 30s")
        @DurationMin(seconds = 1, message = "must be at least 1s")
        @DurationMax(minutes = 5, message = "must be at most 5m (a rotated key is published 10m before it signs)")
        Duration jwksCoolDown) {
}
