package io.parley.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.push.apns.ApnsSettings;
import io.parley.push.delivery.DeliverySettings;
import io.parley.push.fcm.FcmSettings;
import io.parley.push.kafka.PushTopics;
import io.parley.push.tokens.TokenSettings;
import io.parley.push.webpush.WebPushSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Every push-service setting is validated: a bad value or half a credential stops start-up naming the setting. */
class SettingsValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({PushTopics.class, DeliverySettings.class, TokenSettings.class, ApnsSettings.class,
            FcmSettings.class, WebPushSettings.class})
    static class AllSettings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(AllSettings.class)
            .withPropertyValues("parley.push.topics.push-requests=push-requests", "parley.push.topics.user-events=user-events");

    @Test
    void withoutCredentialsEveryPlatformIsOffAndTheDefaultsAreTheDocumentedOnes() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(ApnsSettings.class).enabled()).isFalse();
            DeliverySettings delivery = started.getBean(DeliverySettings.class);
            assertThat(delivery.timeToLive()).isEqualTo(Duration.ofDays(1));
            assertThat(delivery.maxAttempts()).isEqualTo(5);
            assertThat(delivery.sentMarkerTtl()).isEqualTo(Duration.ofDays(2));
            assertThat(delivery.collapseWindow()).isEqualTo(Duration.ofSeconds(3));
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            // a team id without the key would send unauthenticated pushes
            "parley.push.apns.team-id| TEAM123456| parley.push.apns.key-id",
            // a key without the team cannot sign a provider token
            "parley.push.apns.signing-key| -----BEGIN PRIVATE KEY-----| parley.push.apns.team-id",
            // half a VAPID key pair
            "parley.push.web-push.private-key| AAAA| parley.push.web-push.public-key",
            // not a Kafka topic name
            "parley.push.topics.push-requests| no spaces allowed| pushRequests",
            // a batch longer than the poll interval would get the consumer evicted
            "parley.push.delivery.batch-deadline| 15m| batchDeadline",
            // no attempt at all
            "parley.push.delivery.max-attempts| 0| maxAttempts",
            // a window of an hour would hold a chat's later messages for an hour
            "parley.push.delivery.collapse-window| 1h| collapseWindow"})
    void aBadSettingStopsStartUpNamingIt(String property, String value, String named) {
        context.withPropertyValues(property + "=" + value).run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessageContaining(named));
    }
}
