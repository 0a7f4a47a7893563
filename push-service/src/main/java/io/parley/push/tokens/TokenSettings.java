package io.parley.push.tokens;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param allowPlainHttpEndpoints accept {@code http://} Web Push endpoints (local push services in tests only;
 *                                browsers' push services are all https)
 * @param webPushHosts            the push services a Web Push endpoint may name: a host, or {@code *.domain} for
 *                                its subdomains. push-service POSTs to registered endpoints, so an open list would let
 *                                any client aim it at internal hosts. The defaults are Chrome's, Firefox's, Edge's
 *                                and Safari's.
 * @param revocationMemory        how long a signed-out device is refused a token; longer than an access token
 *                                lives (user-service's access-token-lifetime, 10 min, plus clock skew)
 */
@Validated
@ConfigurationProperties("parley.push.tokens")
public record TokenSettings(
        @DefaultValue("false") boolean allowPlainHttpEndpoints,
        @DefaultValue({"fcm.googleapis.com", "updates.push.services.mozilla.com", "*.notify.windows.com", "web.push.apple.com"})
        @NotEmpty(message = "must name at least one push service host") List<String> webPushHosts,
        @DefaultValue("1h") @NotNull @DurationMin(minutes = 1, message = "must be at least 1m (longer than an access token lives)")
        Duration revocationMemory) {

    /** Whether a Web Push endpoint on {@code host} may be registered. */
    boolean allowsWebPushHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return webPushHosts.stream().map(allowed -> allowed.toLowerCase(Locale.ROOT)).anyMatch(allowed -> allowed.startsWith("*.")
                ? name.endsWith(allowed.substring(1)) : name.equals(allowed));
    }
}
