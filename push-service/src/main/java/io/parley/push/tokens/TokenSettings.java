package io.parley.push.tokens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param allowPlainHttpEndpoints accept {@code http://} Web Push endpoints (local push services in tests only;
 *                                browsers' push services are all https)
 */
@Validated
@ConfigurationProperties("parley.push.tokens")
public record TokenSettings(@DefaultValue("false") boolean allowPlainHttpEndpoints) {
}
