package io.parley.auth.verification;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Decoders for Parley access tokens. Only ES256 is accepted, so {@code alg: none} and algorithm
 * confusion (for example HS256 keyed with the public key) fail before any claim is read.
 */
public final class ParleyJwtDecoders {

    private static final MediaType JWK_SET_JSON = MediaType.parseMediaType("application/jwk-set+json");

    private ParleyJwtDecoders() {
    }

    /**
     * Verifies offline against user-service's JWKS. The key set is cached; a token whose {@code kid} is
     * not in the cache triggers a download, which is how a freshly rotated key becomes known, but at most one
     * per {@link TokenVerificationProperties#jwksCoolDown()} (see {@link JwkSetCache}). A bad token
     * fails with {@link org.springframework.security.oauth2.jwt.BadJwtException}; a JWKS that cannot be
     * fetched fails with a plain {@link JwtException}, so callers can tell "reject" from "retry later".
     */
    public static ReactiveJwtDecoder fromJwkSetUri(TokenVerificationProperties properties, Clock clock) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.jwksTimeout().toMillis())
                .responseTimeout(properties.jwksTimeout());
        Mono<String> download = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build()
                .get().uri(properties.jwksUri())
                .accept(MediaType.APPLICATION_JSON, JWK_SET_JSON)
                .retrieve()
                .bodyToMono(String.class);
        ReactiveJwtDecoder decoder = fromJwkSource(new JwkSetCache(download, properties.jwksCoolDown(), clock),
                ParleyTokenValidators.create(properties.issuer(), properties.audience(), properties.clockSkew(), clock));
        return token -> decoder.decode(token).onErrorMap(failure -> !(failure instanceof JwtException),
                failure -> new JwtException("Cannot obtain the keys that verify access tokens: " + failure.getMessage(), failure));
    }

    /** Verifies against keys the caller already holds (user-service verifying its own tokens). */
    public static NimbusReactiveJwtDecoder fromJwkSource(Function<SignedJWT, Flux<JWK>> keys,
            OAuth2TokenValidator<Jwt> validator) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        decoder.setJwtValidator(validator);
        return decoder;
    }
}
