package io.parley.auth.verification;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * user-service's public keys as a verifier holds them: downloaded on first use and again when a token names a
 * {@code kid} the cached set lacks (how a rotated key becomes known), but at most once per cool-down after a
 * successful download. Without the cool-down anyone could make every verifier download the JWKS once per
 * request by sending tokens with made-up {@code kid}s. Within the cool-down such a token simply finds no key
 * and fails verification; tokens signed with known keys keep verifying. A rotated key does not wait for the
 * cool-down because user-service publishes it long before it signs with it (its {@code pre-publication}).
 * A failed download does not start the cool-down (so verifiers recover as soon as user-service answers);
 * concurrent lookups share the one download in flight.
 */
final class JwkSetCache implements Function<SignedJWT, Flux<JWK>> {

    private final Mono<String> download;
    private final Duration coolDown;
    private final Clock clock;
    private volatile Downloaded downloaded;
    private Mono<JWKSet> inFlight;

    JwkSetCache(Mono<String> download, Duration coolDown, Clock clock) {
        this.download = download;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        Downloaded known = downloaded;
        if (known != null && (known.has(kid) || known.coolingDown(clock.instant(), coolDown))) {
            return Flux.fromIterable(known.keys(kid));
        }
        return refresh().flatMapIterable(keys -> Downloaded.keys(keys, kid));
    }

    private synchronized Mono<JWKSet> refresh() {
        if (inFlight == null) {
            inFlight = download.map(JwkSetCache::parse)
                    .doOnNext(keys -> downloaded = new Downloaded(keys, clock.instant()))
                    // before the outcome reaches any caller, so a caller that retries at once starts a new download
                    .doOnTerminate(this::downloadEnded)
                    .doOnCancel(this::downloadEnded)
                    .cache();
        }
        return inFlight;
    }

    private synchronized void downloadEnded() {
        inFlight = null;
    }

    private static JWKSet parse(String document) {
        try {
            return JWKSet.parse(document);
        } catch (ParseException e) {
            throw new IllegalStateException("The JWKS is not a JSON Web Key Set: " + e.getMessage(), e);
        }
    }

    private record Downloaded(JWKSet keys, Instant at) {

        boolean has(String kid) {
            return kid != null && keys.getKeyByKeyId(kid) != null;
        }

        boolean coolingDown(Instant now, Duration coolDown) {
            return now.isBefore(at.plus(coolDown));
        }

        List<JWK> keys(String kid) {
            return keys(keys, kid);
        }

        static List<JWK> keys(JWKSet keys, String kid) {
            JWK key = kid == null ? null : keys.getKeyByKeyId(kid);
            return key == null ? List.of() : List.of(key);
        }
    }
}
