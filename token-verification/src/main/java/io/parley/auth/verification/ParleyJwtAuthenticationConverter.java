package io.parley.auth.verification;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/** Turns a verified access token into a {@link ParleyAuthenticationToken}; plug into {@code oauth2ResourceServer().jwt()}. */
public final class ParleyJwtAuthenticationConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.fromCallable(() -> new ParleyAuthenticationToken(jwt, ParleyPrincipal.from(jwt)));
    }
}
