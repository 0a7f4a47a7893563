package io.parley.push.delivery;

import java.time.Duration;

/** What a platform answered to one push. */
public sealed interface SendOutcome {

    /** The platform took the push. */
    record Delivered() implements SendOutcome {
    }

    /** The token is dead for good (APNs 410 / BadDeviceToken, FCM UNREGISTERED, Web Push 404 / 410): remove it. */
    record TokenDead(String reason) implements SendOutcome {
    }

    /**
     * Try again later (429, 5xx, no connection).
     *
     * @param retryAfter what the platform asked for ({@code Retry-After}); {@link Duration#ZERO} when it said nothing
     */
    record RetryLater(String reason, Duration retryAfter) implements SendOutcome {
    }

    /** The platform refused this push for a reason retrying will not change (bad topic, bad credentials). */
    record Rejected(String reason) implements SendOutcome {
    }

    static SendOutcome delivered() {
        return new Delivered();
    }
}
