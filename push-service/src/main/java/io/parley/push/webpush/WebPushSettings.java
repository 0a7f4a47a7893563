package io.parley.push.webpush;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Web Push with VAPID (RFC 8292). Without a key pair Web Push is disabled (a log line at start-up) and subscriptions
 * are kept but not pushed. The public key is the {@code applicationServerKey} the web app subscribes with.
 *
 * @param publicKey   the VAPID public key: the uncompressed P-256 point, base64url (65 bytes)
 * @param privateKey  the VAPID private key: the P-256 scalar, base64url (32 bytes); from a secret
 * @param subject     how a push service reaches the operator: a {@code mailto:} or {@code https:} URI
 * @param sendTimeout how long one send may take before it counts as a transport failure (retried)
 */
@Validated
@ConfigurationProperties("parley.push.web-push")
public record WebPushSettings(
        String publicKey,
        String privateKey,
        @DefaultValue("mailto:push@parley.invalid") @NotNull String subject,
        @DefaultValue("10s") @NotNull Duration sendTimeout) {

    public WebPushSettings {
        boolean hasPublic = publicKey != null && !publicKey.isBlank();
        boolean hasPrivate = privateKey != null && !privateKey.isBlank();
        if (hasPublic != hasPrivate) {
            throw new IllegalArgumentException("parley.push.web-push.public-key and private-key are set together or not at all");
        }
        if (hasPublic && !(subject.startsWith("mailto:") || subject.startsWith("https:"))) {
            throw new IllegalArgumentException("parley.push.web-push.subject must be a mailto: or https: URI");
        }
    }
}
