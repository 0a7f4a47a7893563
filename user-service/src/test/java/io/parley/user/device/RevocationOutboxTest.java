package io.parley.user.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.user.support.Session;
import io.parley.user.support.UserEvents;
import io.parley.user.support.UserServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** A revocation while Kafka is down signs the device out at once and publishes DeviceRevoked once Kafka is back. */
class RevocationOutboxTest extends UserServiceIntegrationTest {

    @Autowired
    DeviceRevocation revocation;

    @Test
    void theEventOfARevocationDuringAKafkaOutageIsPublishedLater() {
        Session phone = api.newUser();
        Session laptop = api.newDevice(phone);

        KAFKA.server().stop();
        try {
            api.delete(phone, "/v1/users/{u}/devices/{d}", phone.userId(), laptop.deviceId()).expectStatus().isEqualTo(503)
                    .expectHeader().exists("Retry-After")
                    .expectBody().jsonPath("$.type").isEqualTo("urn:parley:problem:storage-unavailable");
            api.http().post().uri("/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("refreshToken", laptop.refreshToken())).exchange().expectStatus().isUnauthorized();
            api.get(laptop, "/v1/users/{u}/devices", phone.userId()).expectStatus().isUnauthorized();
        } finally {
            KAFKA.server().start();
        }

        try (UserEvents events = new UserEvents(KAFKA.bootstrapServers(), USER_EVENTS_TOPIC)) {
            // What the scheduled sweeper does every 30 s, without waiting for it.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                revocation.sweep(Instant.now().plusSeconds(60)).block(Duration.ofSeconds(30));
                assertThat(events.poll(record -> record.key().equals(phone.userId().toString()))).isNotEmpty();
            });
            List<ConsumerRecord<String, byte[]>> published = events.poll(record -> record.key().equals(phone.userId().toString()));
            assertThat(published).extracting(record -> UserEvents.parse(record).getDeviceRevoked().getDeviceId())
                    .containsOnly(laptop.deviceId().toString());
            assertThat(published).extracting(record -> UserEvents.parse(record).getEventId()).hasSameElementsAs(
                    List.of(UserEvents.parse(published.get(0)).getEventId()));
        }
        api.get(phone, "/v1/users/{u}/devices", phone.userId()).expectStatus().isOk()
                .expectBody().jsonPath("$[*].deviceId").isEqualTo(List.of(phone.deviceId().toString()));
    }
}
