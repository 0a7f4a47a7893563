package io.parley.user.web;

import io.parley.auth.verification.ParleyPrincipal;
import io.parley.user.error.ApiProblem;
import java.util.UUID;

/** Ownership rules shared by every endpoint under {@code /v1/users/{userId}/...}. */
public final class Callers {

    private Callers() {
    }

    /** Only the user themself may act on their devices, keys, contacts, blocks and settings. */
    public static void requireSelf(ParleyPrincipal caller, UUID userId) {
        if (!caller.userId().equals(userId)) {
            throw ApiProblem.forbidden("You may only act on your own account");
        }
    }

    /** E2EE keys belong to one device: another device of the same user may not replace or read its private state. */
    public static void requireSameDevice(ParleyPrincipal caller, UUID userId, UUID deviceId) {
        requireSelf(caller, userId);
        if (!caller.deviceId().equals(deviceId)) {
            throw ApiProblem.forbidden("A device may only manage its own keys");
        }
    }
}
