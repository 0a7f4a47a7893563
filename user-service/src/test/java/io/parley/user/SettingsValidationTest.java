package io.parley.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.user.account.RegistrationRateLimitSettings;
import io.parley.user.auth.LoginRateLimitSettings;
import io.parley.user.auth.TokenSettings;
import io.parley.user.auth.signing.SigningKeySettings;
import io.parley.user.device.DeviceSettings;
import io.parley.user.keys.KeySettings;
import io.parley.user.ticket.ConnectTicketSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Every user-service setting is validated: a bad value stops start-up with an error naming it. */
class SettingsValidationTest {

    private static final String[] VALID = {
            "parley.user.tokens.issuer=https://parley.test",
            "parley.user.signing-keys.encryption-key=b3Blbi1zb3VyY2UtZGV2LW9ubHkta2V5LTMyYnl0ZXM=",
            "parley.user.login-rate-limit.per-username.attempts=10",
            "parley.user.login-rate-limit.per-username.window=5m",
            "parley.user.login-rate-limit.per-address.attempts=100",
            "parley.user.login-rate-limit.per-address.window=5m",
            "parley.user.registration-rate-limit.per-address.attempts=50",
            "parley.user.registration-rate-limit.per-address.window=10m"};

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({TokenSettings.class, SigningKeySettings.class, LoginRateLimitSettings.class,
            RegistrationRateLimitSettings.class, DeviceSettings.class, ConnectTicketSettings.class, KeySettings.class})
    static class AllSettings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(AllSettings.class)
            .withPropertyValues(VALID);

    @Test
    void defaultsAreTheDocumentedOnes() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(DeviceSettings.class).maxPerUser()).isEqualTo(8);
            assertThat(started.getBean(KeySettings.class).maxOneTimePreKeys()).isEqualTo(100);
            assertThat(started.getBean(TokenSettings.class).accessTokenLifetime()).isEqualTo(Duration.ofMinutes(10));
            assertThat(started.getBean(ConnectTicketSettings.class).lifetime()).isEqualTo(Duration.ofSeconds(30));
            assertThat(started.getBean(SigningKeySettings.class).toString()).doesNotContain("b3Blbi1z");
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            // no issuer, so no service could verify the tokens
            "parley.user.tokens.issuer| ''| issuer",
            // access tokens valid for a day would outlive any revocation
            "parley.user.tokens.access-token-lifetime| 1d| accessTokenLifetime",
            // not 32 bytes of AES key
            "parley.user.signing-keys.encryption-key| c2hvcnQ=| encryptionKey",
            // a key would sign before other pods serve it
            "parley.user.signing-keys.pre-publication| 10s| prePublicationLongerThanRefreshInterval",
            // zero attempts would lock everyone out
            "parley.user.login-rate-limit.per-username.attempts| 0| perUsername.attempts",
            // a window under a second counts nothing
            "parley.user.registration-rate-limit.per-address.window| 0s| perAddress.window",
            // no device could ever sign in
            "parley.user.devices.max-per-user| 0| maxPerUser",
            // connect tickets must be short-lived
            "parley.user.connect-tickets.lifetime| 1h| lifetime",
            // a device could hoard prekeys
            "parley.user.keys.max-one-time-pre-keys| 5000| maxOneTimePreKeys"})
    void aBadSettingStopsStartUpNamingIt(String property, String value, String field) {
        context.withPropertyValues(property + "=" + value).run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessageContaining(field));
    }
}
