package io.parley.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker the chart and compose tests rely on: it must accept real settings and reject everything else. */
class ServiceSettingsTest {

    private final ServiceSettings gateway = ServiceSettingsCatalog.ALL.get(ParleyServices.GATEWAY);
    private final ServiceSettings user = ServiceSettingsCatalog.ALL.get(ParleyServices.USER);
    private final ServiceSettings chat = ServiceSettingsCatalog.ALL.get(ParleyServices.CHAT);

    @Test
    void acceptsASettingInBothEnvironmentSpellingsSpringBinds() {
        assertThat(gateway.binds("PARLEY_GATEWAY_CHAT_SERVICE_ADDRESS")).isTrue();
        assertThat(gateway.binds("PARLEY_GATEWAY_CHATSERVICE_ADDRESS")).isTrue();
    }

    @Test
    void rejectsAMisspeltSetting() {
        assertThat(gateway.binds("PARLEY_GATEWAY_DRAIN_TIMOUT")).isFalse();
    }

    @Test
    void rejectsAnotherServicesSetting() {
        assertThat(chat.binds("PARLEY_MEDIA_S3_BUCKET")).isFalse();
        assertThat(chat.binds("PARLEY_GATEWAY_DRAIN_TIMEOUT")).isFalse();
    }

    @Test
    void knowsSettingsThatOnlyARecordDeclares() {
        // No default, so absent from application.yaml: only SigningKeySettings declares it.
        assertThat(user.binds("PARLEY_USER_SIGNING_KEYS_ENCRYPTION_KEY")).isTrue();
        // A shared record's default (token-verification), bound because the gateway configures parley.auth.
        assertThat(gateway.binds("PARLEY_AUTH_CLOCK_SKEW")).isTrue();
        assertThat(user.binds("PARLEY_AUTH_CLOCK_SKEW")).isFalse();
    }

    @Test
    void knowsSpringBootsDocumentedSettings() {
        assertThat(chat.binds("SPRING_GRPC_SERVER_KEEPALIVE_CONNECTION_MAX_AGE")).isTrue();
        assertThat(chat.binds("SPRING_GRPC_SERVER_KEEPALIVE_CONNECTION_MAX_AEG")).isFalse();
    }
}
