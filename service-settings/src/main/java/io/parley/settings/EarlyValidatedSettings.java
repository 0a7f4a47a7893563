package io.parley.settings;

import java.util.Map;

/**
 * Settings of one service that must be checked before any of its beans connects anywhere, typically a
 * required secret: without this, a missing key would surface only after the service failed to reach a
 * datastore, or not at all. Register an implementation in {@code META-INF/spring.factories} under this
 * interface's name; each prefix is bound to its {@code @ConfigurationProperties} type and validated.
 */
public interface EarlyValidatedSettings {

    /** Property prefix → settings type, e.g. {@code "parley.user.signing-keys" → SigningKeySettings.class}. */
    Map<String, Class<?>> byPrefix();
}
