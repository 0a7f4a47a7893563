package io.parley.identity;

import io.parley.settings.EarlyValidatedSettings;
import java.util.Map;

/** A service without its certificate stops at start-up with a line naming the missing setting. */
public final class ServiceIdentityEarlySettings implements EarlyValidatedSettings {

    @Override
    public Map<String, Class<?>> byPrefix() {
        return Map.of("parley.service-identity", ServiceIdentitySettings.class);
    }
}
