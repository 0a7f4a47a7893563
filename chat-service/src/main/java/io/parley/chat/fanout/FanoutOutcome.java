package io.parley.chat.fanout;

import io.parley.proto.gateway.v1.DeliveryOutcome;

/** What became of one live delivery attempt, or of a user with nowhere to deliver to. */
public enum FanoutOutcome {
    /** The gateway queued the entries on the device's connection. */
    QUEUED,
    /** The connection registry named a connection (or gateway) that no longer exists. */
    NOT_CONNECTED,
    /** The device was not reading; the gateway closed its connection, it will sync. */
    OVERLOADED,
    /** The call failed or missed its deadline; the device will sync. */
    FAILED,
    /** No device was reached: a push request was produced. */
    PUSH;

    static FanoutOutcome of(DeliveryOutcome outcome) {
        return switch (outcome) {
            case DELIVERY_OUTCOME_QUEUED -> QUEUED;
            case DELIVERY_OUTCOME_NOT_CONNECTED -> NOT_CONNECTED;
            case DELIVERY_OUTCOME_OVERLOADED -> OVERLOADED;
            default -> FAILED;
        };
    }

    String tag() {
        return name().toLowerCase();
    }
}
