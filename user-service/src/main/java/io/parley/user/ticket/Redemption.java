package io.parley.user.ticket;

import java.util.UUID;

/** What redeeming a connect ticket yields. */
public sealed interface Redemption {

    /** Valid: open the connection for this device. */
    record Redeemed(UUID userId, UUID deviceId) implements Redemption {
    }

    /** Never issued, already redeemed or expired: deliberately indistinguishable. */
    record Unknown() implements Redemption {
    }

    /** Valid ticket, but its device was signed out since it was issued. */
    record DeviceRevoked() implements Redemption {
    }
}
