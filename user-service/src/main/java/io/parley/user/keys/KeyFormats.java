package io.parley.user.keys;

/**
 * Wire formats of the E2EE public keys (documented in docs/identity.md). Base64 is RFC 4648 §4
 * (standard alphabet), padding optional.
 */
final class KeyFormats {

    /** 32-byte Ed25519 public key (RFC 8032) or X25519 public key (RFC 7748). */
    static final String KEY_32 = "[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048](=)?";
    static final String KEY_32_MESSAGE = "must be a 32-byte key, base64";
    /** 64-byte Ed25519 signature. */
    static final String SIGNATURE_64 = "[A-Za-z0-9+/]{85}[AQgw](==)?";
    static final String SIGNATURE_64_MESSAGE = "must be a 64-byte Ed25519 signature, base64";

    private KeyFormats() {
    }
}
