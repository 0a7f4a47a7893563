package io.parley.push.tokens;

import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /v1/push/preferences}. */
record PreferencesUpdate(@NotNull(message = "is required (true or false)") Boolean preview) {
}
