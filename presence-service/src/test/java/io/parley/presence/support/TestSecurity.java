package io.parley.presence.support;

import io.parley.auth.verification.ParleyJwtDecoders;
import io.parley.auth.verification.ParleyTokenValidators;
import io.parley.auth.verification.TokenVerificationProperties;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/** Verifies access tokens against the test key instead of downloading user-service's JWKS; same validators. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurity {

    @Bean
    ReactiveJwtDecoder testJwtDecoder(TokenVerificationProperties properties, Clock clock) {
        return ParleyJwtDecoders.fromJwkSource(jwt -> Flux.just(TestTokens.KEY.toPublicJWK()), ParleyTokenValidators.create(
                properties.issuer(), properties.audience(), properties.clockSkew(), clock));
    }
}
