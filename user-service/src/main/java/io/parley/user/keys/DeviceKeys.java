package io.parley.user.keys;

import java.time.Instant;

/** A device's long-lived public keys, as raw bytes. */
record DeviceKeys(byte[] identityKey, int signedPreKeyId, byte[] signedPreKey, byte[] signedPreKeySignature, Instant updatedAt) {
}
