package io.parley.user.privacy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Request and response body of {@code /v1/users/{userId}/privacy}; both fields are required on PUT. */
record PrivacyBody(
        @NotNull(message = "is required") @Pattern(regexp = LastSeenVisibility.PATTERN, message = "must be one of everyone, contacts, nobody")
        String lastSeen,
        @NotNull(message = "is required") Boolean readReceipts) {

    static PrivacyBody of(PrivacySettings settings) {
        return new PrivacyBody(settings.lastSeen().apiName(), settings.readReceipts());
    }

    PrivacySettings settings() {
        return new PrivacySettings(LastSeenVisibility.parse(lastSeen), readReceipts);
    }
}
