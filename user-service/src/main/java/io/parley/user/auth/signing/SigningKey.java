package io.parley.user.auth.signing;

import com.nimbusds.jose.jwk.ECKey;
import java.time.Instant;

/**
 * One version of the ES256 signing key. {@code jwk} holds the private key: this record's toString
 * leaves it out so it can never reach a log.
 */
public record SigningKey(int seq, String kid, Instant createdAt, Instant activatesAt, ECKey jwk) {

    @Override
    public String toString() {
        return "SigningKey[seq=" + seq + ", kid=" + kid + ", createdAt=" + createdAt + ", activatesAt=" + activatesAt + "]";
    }
}
