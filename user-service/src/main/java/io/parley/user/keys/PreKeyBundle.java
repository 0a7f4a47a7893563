package io.parley.user.keys;

import java.util.List;
import java.util.UUID;

/** What a sender needs to start an end-to-end session with each of a user's devices (X3DH). Keys are base64. */
record PreKeyBundle(UUID userId, List<DeviceBundle> devices) {

    /**
     * @param oneTimePreKey            handed out to this caller only, never again; null when none are left
     * @param oneTimePreKeysExhausted  true when the device had no one-time prekey left for this fetch
     */
    record DeviceBundle(UUID deviceId, String identityKey, SignedPreKey signedPreKey, PreKey oneTimePreKey,
            boolean oneTimePreKeysExhausted) {
    }

    record SignedPreKey(int keyId, String publicKey, String signature) {
    }

    record PreKey(int keyId, String publicKey) {
    }
}
