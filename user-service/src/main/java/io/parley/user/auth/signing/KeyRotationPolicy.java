package io.parley.user.auth.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When to make a new signing key, which key signs, and which keys the JWKS serves. Keys are ordered
 * by {@code seq}; a key signs from its activation until a newer key activates, and stays published
 * until every token it signed has expired ({@code tokenLifetime} after it was superseded).
 */
record KeyRotationPolicy(Duration rotationPeriod, Duration prePublication, Duration tokenLifetime) {

    boolean rotationDue(List<SigningKey> keys, Instant now) {
        return newest(keys).map(key -> !key.createdAt().plus(rotationPeriod).isAfter(now)).orElse(true);
    }

    /** The very first key signs at once (no token exists yet); later ones wait to be known everywhere. */
    Instant activationOfNext(List<SigningKey> keys, Instant now) {
        return keys.isEmpty() ? now : now.plus(prePublication);
    }

    int nextSeq(List<SigningKey> keys) {
        return newest(keys).map(key -> key.seq() + 1).orElse(1);
    }

    Optional<SigningKey> signing(List<SigningKey> keys, Instant now) {
        return keys.stream()
                .filter(key -> !key.activatesAt().isAfter(now))
                .max(Comparator.comparingInt(SigningKey::seq));
    }

    List<SigningKey> published(List<SigningKey> keys, Instant now) {
        return keys.stream().filter(key -> !retired(key, keys, now)).sorted(Comparator.comparingInt(SigningKey::seq).reversed()).toList();
    }

    List<SigningKey> retired(List<SigningKey> keys, Instant now) {
        return keys.stream().filter(key -> retired(key, keys, now)).toList();
    }

    private boolean retired(SigningKey key, List<SigningKey> keys, Instant now) {
        return keys.stream().anyMatch(newer -> newer.seq() > key.seq()
                && !newer.activatesAt().plus(tokenLifetime).isAfter(now));
    }

    private static Optional<SigningKey> newest(List<SigningKey> keys) {
        return keys.stream().max(Comparator.comparingInt(SigningKey::seq));
    }
}
