package io.parley.user.device;

import java.util.UUID;

/** A device a login binds: its client-chosen id (stable across logins of one installation), platform and name. */
public record NewDevice(UUID deviceId, Platform platform, String name) {
}
