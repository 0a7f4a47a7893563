package io.parley.user.auth.signing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.parley.user.auth.TokenSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * This pod's view of the signing keys, reloaded from Cassandra every refresh interval. The first pod
 * ever to start creates the first key; later, whichever pod notices a rotation is due creates the next,
 * claimed by sequence number so pods agree on one key per rotation.
 */
@Component
public class SigningKeyRing implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(1);

    private final SigningKeyStore store;
    private final KeyRotationPolicy policy;
    private final Clock clock;
    private volatile List<SigningKey> keys = List.of();

    SigningKeyRing(SigningKeyStore store, SigningKeySettings settings, TokenSettings tokens, Clock clock) {
        this.store = store;
        this.policy = new KeyRotationPolicy(settings.rotationPeriod(), settings.prePublication(),
                tokens.accessTokenLifetime().plus(tokens.clockSkew()));
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        refresh().block(STARTUP_TIMEOUT);
    }

    /** Reloads the ring, rotates when due and deletes keys no unexpired token can need. */
    public Mono<Void> refresh() {
        return store.load().collectList()
                .flatMap(loaded -> policy.rotationDue(loaded, clock.instant()) ? rotate(loaded) : Mono.just(loaded))
                .doOnNext(loaded -> keys = List.copyOf(loaded))
                .flatMap(this::prune);
    }

    /** The key that signs tokens now. */
    public SigningKey signingKey() {
        return policy.signing(keys, clock.instant())
                .orElseThrow(() -> new IllegalStateException("No active signing key; the ring has not been loaded"));
    }

    /** Public keys of every key that signs or signed an unexpired token, or will sign soon. */
    public JWKSet publicKeys() {
        return new JWKSet(policy.published(keys, clock.instant()).stream().map(key -> (JWK) key.jwk().toPublicJWK()).toList());
    }

    /** The public key with this id, if it is still published. */
    public Flux<JWK> verificationKey(String kid) {
        return Flux.fromIterable(policy.published(keys, clock.instant()))
                .filter(key -> key.kid().equals(kid))
                .map(key -> key.jwk().toPublicJWK());
    }

    private Mono<List<SigningKey>> rotate(List<SigningKey> loaded) {
        Instant now = clock.instant();
        SigningKey next = SigningKeyGenerator.generate(policy.nextSeq(loaded), now, policy.activationOfNext(loaded, now));
        return store.insert(next)
                .doOnNext(won -> {
                    if (won) {
                        log.info("Created signing key {}", next);
                    }
                })
                // Whether this pod's key won or another pod's did, the ring in Cassandra is the truth.
                .onErrorResume(failure -> Mono.just(false))
                .then(store.load().collectList());
    }

    private Mono<Void> prune(List<SigningKey> loaded) {
        return Flux.fromIterable(policy.retired(loaded, clock.instant()))
                .concatMap(key -> store.delete(key.seq()).doOnSuccess(done -> log.info("Deleted retired signing key {}", key)))
                .then();
    }
}
