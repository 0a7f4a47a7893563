package io.parley.push.tokens;

import java.time.Instant;

/** What the API answers about the calling device's token: its platform and when it was registered, not the token. */
record TokenView(Platform platform, Instant updatedAt) {

    static TokenView of(DeviceToken token) {
        return new TokenView(token.token().platform(), token.updatedAt());
    }
}
