package io.parley.push.apns;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * APNs with token-based authentication. {@code team-id}, {@code key-id} and {@code signing-key} come from a secret
 * and are set together; without them APNs is disabled (a log line at start-up), and APNs tokens are kept but not
 * pushed.
 *
 * @param teamId               the Apple developer team id (10 characters)
 * @param keyId                the id of the APNs auth key (10 characters)
 * @param signingKey           the auth key's PKCS#8 PEM text ({@code -----BEGIN PRIVATE KEY-----}, the .p8 file)
 * @param productionHost       APNs' production endpoint (tokens registered with {@code sandbox: false})
 * @param sandboxHost          APNs' development endpoint (tokens registered with {@code sandbox: true})
 * @param port                 443, or 2197 where 443 is blocked
 * @param trustedCertificates  PEM file of the CA certificates the endpoints must present; unset means the JVM's
 *                             trust store (Apple's real endpoints). For a local APNs only.
 * @param connections          HTTP/2 connections per endpoint
 * @param sendTimeout          how long one send may take before it counts as a transport failure (retried)
 */
@Validated
@ConfigurationProperties("parley.push.apns")
public record ApnsSettings(
        String teamId,
        String keyId,
        String signingKey,
        @DefaultValue("api.push.apple.com") @NotBlank String productionHost,
        @DefaultValue("api.sandbox.push.apple.com") @NotBlank String sandboxHost,
        @DefaultValue("443") @Min(value = 1, message = "must be a TCP port") @Max(value = 65535, message = "must be a TCP port") int port,
        Path trustedCertificates,
        @DefaultValue("1") @Min(value = 1, message = "must be at least 1") @Max(value = 64, message = "must be at most 64") int connections,
        @DefaultValue("10s") @NotNull Duration sendTimeout) {

    public ApnsSettings {
        boolean any = present(teamId) || present(keyId) || present(signingKey);
        if (any && !present(teamId)) {
            throw new IllegalArgumentException("parley.push.apns.team-id must be set with key-id and signing-key");
        }
        if (any && !present(keyId)) {
            throw new IllegalArgumentException("parley.push.apns.key-id must be set with team-id and signing-key");
        }
        if (any && !present(signingKey)) {
            throw new IllegalArgumentException("parley.push.apns.signing-key must be set with team-id and key-id");
        }
    }

    /** Whether APNs credentials are configured. */
    public boolean enabled() {
        return present(teamId);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
