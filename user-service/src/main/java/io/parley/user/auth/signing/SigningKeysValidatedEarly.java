package io.parley.user.auth.signing;

import io.parley.settings.EarlyValidatedSettings;
import java.util.Map;

/** The signing-key settings carry a required secret: a missing one is named before anything connects. */
public final class SigningKeysValidatedEarly implements EarlyValidatedSettings {

    @Override
    public Map<String, Class<?>> byPrefix() {
        return Map.of("parley.user.signing-keys", SigningKeySettings.class);
    }
}
