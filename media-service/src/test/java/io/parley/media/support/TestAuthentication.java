package io.parley.media.support;

import io.parley.auth.verification.ParleyPrincipal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Accepts the bearer token {@code test.<user id>} as that user (token verification itself is tested in the
 * token-verification module); the service's own filter chain and principal conversion stay in place.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestAuthentication {

    private static final String PREFIX = "test.";

    public static String tokenOf(UUID user) {
        return PREFIX + user;
    }

    @Bean
    ReactiveJwtDecoder testJwtDecoder() {
        return token -> {
            if (!token.startsWith(PREFIX)) {
                return Mono.error(new BadJwtException("not a test token"));
            }
            Instant now = Instant.now();
            return Mono.just(Jwt.withTokenValue(token).header("alg", "none")
                    .subject(token.substring(PREFIX.length()))
                    .claim(ParleyPrincipal.DEVICE_CLAIM, UUID.randomUUID().toString())
                    .issuedAt(now).expiresAt(now.plusSeconds(600)).build());
        };
    }
}
