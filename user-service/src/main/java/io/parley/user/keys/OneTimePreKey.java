package io.parley.user.keys;

import java.util.UUID;

/** A one-time X25519 prekey; {@code nonce} identifies this upload of {@code keyId}. */
record OneTimePreKey(int keyId, byte[] publicKey, UUID nonce) {
}
