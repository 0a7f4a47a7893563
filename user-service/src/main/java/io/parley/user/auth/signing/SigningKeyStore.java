package io.parley.user.auth.signing;

import com.datastax.oss.driver.api.core.cql.Row;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import io.parley.cassandra.async.ReactiveCql;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The key ring in Cassandra: public JWK in clear, private key (PKCS#8) encrypted. */
@Repository
class SigningKeyStore {

    static final String RING = "es256";

    private final ReactiveCql cql;
    private final SigningKeyCipher cipher;
    private final String ring;

    @Autowired
    SigningKeyStore(ReactiveCql cql, SigningKeySettings settings) {
        this(cql, new SigningKeyCipher(settings.encryptionKey()), RING);
    }

    SigningKeyStore(ReactiveCql cql, SigningKeyCipher cipher, String ring) {
        this.cql = cql;
        this.cipher = cipher;
        this.ring = ring;
    }

    Flux<SigningKey> load() {
        return cql.all("SELECT seq, kid, created_at, activates_at, public_jwk, private_key_ciphertext FROM signing_keys WHERE ring = ?", ring)
                .map(this::key);
    }

    /** Claims {@code key.seq()}; false when another pod claimed it first (reload to see theirs). */
    Mono<Boolean> insert(SigningKey key) {
        byte[] privateKey;
        try {
            privateKey = key.jwk().toECPrivateKey().getEncoded();
        } catch (JOSEException e) {
            return Mono.error(new IllegalStateException("Cannot encode signing key " + key.kid(), e));
        }
        return cql.applied("INSERT INTO signing_keys (ring, seq, kid, created_at, activates_at, public_jwk, private_key_ciphertext) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS", ring, key.seq(), key.kid(), key.createdAt(),
                key.activatesAt(), key.jwk().toPublicJWK().toJSONString(), ByteBuffer.wrap(cipher.encrypt(privateKey, key.kid())));
    }

    Mono<Void> delete(int seq) {
        return cql.run("DELETE FROM signing_keys WHERE ring = ? AND seq = ?", ring, seq);
    }

    private SigningKey key(Row row) {
        String kid = row.getString("kid");
        try {
            ECKey publicKey = ECKey.parse(row.getString("public_jwk"));
            ByteBuffer sealed = row.getByteBuffer("private_key_ciphertext");
            byte[] ciphertext = new byte[sealed.remaining()];
            sealed.get(ciphertext);
            ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(cipher.decrypt(ciphertext, kid)));
            ECKey full = new ECKey.Builder(publicKey).privateKey(privateKey).build();
            return new SigningKey(row.getInt("seq"), kid, row.getInstant("created_at"), row.getInstant("activates_at"), full);
        } catch (ParseException | GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + kid + " is unreadable", e);
        }
    }
}
