package io.parley.user.keys;

import io.parley.user.account.AccountStore;
import io.parley.user.block.Blocks;
import io.parley.user.device.Devices;
import io.parley.user.error.ApiProblem;
import io.parley.proto.error.v1.ErrorReason;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The E2EE public key directory. The server only ever sees public keys; it checks that the signed
 * prekey is signed by the identity key, and {@link OneTimePreKeyDispenser} hands out every one-time
 * prekey at most once.
 */
@Service
class KeyDirectory {

    private final DeviceKeyStore deviceKeys;
    private final OneTimePreKeyStore oneTimePreKeys;
    private final OneTimePreKeyDispenser dispenser;
    private final Devices devices;
    private final AccountStore accounts;
    private final Blocks blocks;
    private final KeySettings settings;
    private final Clock clock;

    KeyDirectory(DeviceKeyStore deviceKeys, OneTimePreKeyStore oneTimePreKeys, OneTimePreKeyDispenser dispenser,
            Devices devices, AccountStore accounts, Blocks blocks, KeySettings settings, Clock clock) {
        this.deviceKeys = deviceKeys;
        this.oneTimePreKeys = oneTimePreKeys;
        this.dispenser = dispenser;
        this.devices = devices;
        this.accounts = accounts;
        this.blocks = blocks;
        this.settings = settings;
        this.clock = clock;
    }

    /** Replacing the identity key invalidates the one-time prekeys made for the old one: they are dropped. */
    Mono<Void> putIdentity(UUID userId, UUID deviceId, KeyUploads.IdentityKeys upload) {
        byte[] identityKey = decode(upload.identityKey());
        KeyUploads.SignedPreKeyBody signed = upload.signedPreKey();
        byte[] preKey = decode(signed.publicKey());
        byte[] signature = decode(signed.signature());
        if (!SignedPreKeyVerifier.verify(identityKey, signed.keyId(), preKey, signature)) {
            return Mono.error(ApiProblem.invalidField("signedPreKey.signature", "does not verify against identityKey"));
        }
        DeviceKeys keys = new DeviceKeys(identityKey, signed.keyId(), preKey, signature, clock.instant());
        return deviceKeys.find(userId, deviceId)
                .filter(existing -> !Arrays.equals(existing.identityKey(), identityKey))
                .flatMap(changed -> oneTimePreKeys.removeAll(userId, deviceId))
                .then(deviceKeys.put(userId, deviceId, keys));
    }

    Mono<OneTimePreKeyCount> addOneTime(UUID userId, UUID deviceId, KeyUploads.OneTimePreKeys upload) {
        List<KeyUploads.OneTimePreKeyBody> batch = upload.preKeys();
        requireDistinctIds(batch);
        return deviceKeys.find(userId, deviceId)
                .switchIfEmpty(Mono.error(ApiProblem.of(ErrorReason.PREKEY_CONFLICT, "Upload the identity key and signed prekey first")))
                .then(oneTimePreKeys.available(userId, deviceId).map(OneTimePreKey::keyId).collect(Collectors.toSet()))
                .flatMap(stored -> {
                    requireNewIds(batch, stored);
                    if (stored.size() + batch.size() > settings.maxOneTimePreKeys()) {
                        return Mono.error(ApiProblem.withField(ErrorReason.PREKEY_CAPACITY_EXCEEDED, "preKeys",
                                stored.size() + " are stored and at most " + settings.maxOneTimePreKeys() + " may be"));
                    }
                    List<OneTimePreKey> keys = batch.stream()
                            .map(key -> new OneTimePreKey(key.keyId(), decode(key.publicKey()), UUID.randomUUID())).toList();
                    return oneTimePreKeys.add(userId, deviceId, keys)
                            .thenReturn(new OneTimePreKeyCount(stored.size() + keys.size(), settings.maxOneTimePreKeys()));
                });
    }

    Mono<OneTimePreKeyCount> count(UUID userId, UUID deviceId) {
        return oneTimePreKeys.available(userId, deviceId).count()
                .map(count -> new OneTimePreKeyCount(count.intValue(), settings.maxOneTimePreKeys()));
    }

    /** Every signed-in device of {@code userId} that has keys, each with one one-time prekey claimed for this caller. */
    Mono<PreKeyBundle> bundle(UUID callerId, UUID userId) {
        return accounts.exists(userId)
                .flatMap(exists -> exists ? blocks.check(callerId, userId) : Mono.error(ApiProblem.notFound("No user " + userId)))
                .flatMap(status -> status.blockedByTarget()
                        ? Mono.error(ApiProblem.forbidden("You may not fetch this user's keys"))
                        : devices.list(userId)
                                .flatMapSequential(device -> deviceBundle(userId, device.deviceId()), 4)
                                .collectList()
                                .map(bundles -> new PreKeyBundle(userId, bundles)));
    }

    private Mono<PreKeyBundle.DeviceBundle> deviceBundle(UUID userId, UUID deviceId) {
        return deviceKeys.find(userId, deviceId).flatMap(keys -> dispenser.takeOne(userId, deviceId).map(oneTime -> new PreKeyBundle.DeviceBundle(
                deviceId, encode(keys.identityKey()),
                new PreKeyBundle.SignedPreKey(keys.signedPreKeyId(), encode(keys.signedPreKey()), encode(keys.signedPreKeySignature())),
                oneTime.map(key -> new PreKeyBundle.PreKey(key.keyId(), encode(key.publicKey()))).orElse(null),
                oneTime.isEmpty())));
    }

    private static void requireDistinctIds(List<KeyUploads.OneTimePreKeyBody> batch) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            if (!seen.add(batch.get(i).keyId())) {
                throw ApiProblem.invalidField("preKeys[" + i + "].keyId", "appears twice in the batch");
            }
        }
    }

    private static void requireNewIds(List<KeyUploads.OneTimePreKeyBody> batch, Set<Integer> stored) {
        for (int i = 0; i < batch.size(); i++) {
            if (stored.contains(batch.get(i).keyId())) {
                throw ApiProblem.withField(ErrorReason.PREKEY_CONFLICT, "preKeys[" + i + "].keyId", "is already stored");
            }
        }
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
