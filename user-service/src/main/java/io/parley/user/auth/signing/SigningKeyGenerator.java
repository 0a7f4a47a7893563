package io.parley.user.auth.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Instant;

/** New P-256 keys whose {@code kid} is their RFC 7638 thumbprint, so a kid can never name two different keys. */
final class SigningKeyGenerator {

    private SigningKeyGenerator() {
    }

    static SigningKey generate(int seq, Instant createdAt, Instant activatesAt) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
            String kid = key.computeThumbprint().toString();
            return new SigningKey(seq, kid, createdAt, activatesAt, new ECKey.Builder(key).keyID(kid).build());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a P-256 key", e);
        }
    }
}
