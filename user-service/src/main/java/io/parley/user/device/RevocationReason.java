package io.parley.user.device;

import io.parley.proto.user.v1.DeviceRevoked;

/** Why a device was signed out; carried in the DeviceRevoked event. */
public enum RevocationReason {
    REVOKED_BY_OWNER(DeviceRevoked.Reason.REASON_REVOKED_BY_OWNER),
    LOGGED_OUT(DeviceRevoked.Reason.REASON_LOGGED_OUT),
    REFRESH_TOKEN_REUSED(DeviceRevoked.Reason.REASON_REFRESH_TOKEN_REUSED);

    private final DeviceRevoked.Reason proto;

    RevocationReason(DeviceRevoked.Reason proto) {
        this.proto = proto;
    }

    DeviceRevoked.Reason proto() {
        return proto;
    }
}
