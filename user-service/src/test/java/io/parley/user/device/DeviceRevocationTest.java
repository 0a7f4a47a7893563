package io.parley.user.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.parley.proto.user.v1.DeviceRevoked;
import io.parley.proto.user.v1.GetDeviceRequest;
import io.parley.proto.user.v1.UserEvent;
import io.parley.user.support.Session;
import io.parley.user.support.UserEvents;
import io.parley.user.support.UserServiceIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class DeviceRevocationTest extends UserServiceIntegrationTest {

    @Test
    void listsTheSignedInDevicesAndMarksTheCallersOwn() {
        Session phone = api.newUser();
        Session laptop = api.newDevice(phone);

        api.get(laptop, "/v1/users/{u}/devices", phone.userId()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[?(@.deviceId == '" + laptop.deviceId() + "')].current").isEqualTo(List.of(true))
                .jsonPath("$[?(@.deviceId == '" + phone.deviceId() + "')].current").isEqualTo(List.of(false))
                .jsonPath("$[0].platform").isEqualTo("android");
    }

    @Test
    void revokingADeviceEndsItsTokensAndPublishesDeviceRevokedOnUserEvents() {
        Session phone = api.newUser();
        Session stolenLaptop = api.newDevice(phone);

        try (UserEvents events = new UserEvents(KAFKA.bootstrapServers(), USER_EVENTS_TOPIC)) {
            api.delete(phone, "/v1/users/{u}/devices/{d}", phone.userId(), stolenLaptop.deviceId()).expectStatus().isNoContent();

            List<ConsumerRecord<String, byte[]>> published = await().atMost(Duration.ofSeconds(30)).until(
                    () -> events.poll(record -> record.key().equals(phone.userId().toString())), records -> !records.isEmpty());
            assertThat(published).hasSize(1);
            UserEvent event = UserEvents.parse(published.get(0));
            assertThat(event.getUserId()).isEqualTo(phone.userId().toString());
            assertThat(event.getEventId()).isNotBlank();
            assertThat(event.getDeviceRevoked().getDeviceId()).isEqualTo(stolenLaptop.deviceId().toString());
            assertThat(event.getDeviceRevoked().getReason()).isEqualTo(DeviceRevoked.Reason.REASON_REVOKED_BY_OWNER);
        }
        api.get(stolenLaptop, "/v1/users/{u}/devices", phone.userId()).expectStatus().isUnauthorized();
        api.http().post().uri("/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", stolenLaptop.refreshToken())).exchange().expectStatus().isUnauthorized();
        api.get(phone, "/v1/users/{u}/devices", phone.userId()).expectStatus().isOk()
                .expectBody().jsonPath("$[*].deviceId").isEqualTo(List.of(phone.deviceId().toString()));
        assertThatThrownBy(() -> grpc.directory().getDevice(GetDeviceRequest.newBuilder()
                .setUserId(phone.userId().toString()).setDeviceId(stolenLaptop.deviceId().toString()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        failure -> assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void revokingADeviceTheUserDoesNotHaveIsNotFound() {
        Session phone = api.newUser();

        api.delete(phone, "/v1/users/{u}/devices/{d}", phone.userId(), UUID.randomUUID()).expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:parley:problem:not-found");
    }

    @Test
    void aRevokedDeviceCanSignInAgainWithANewSession() {
        Session phone = api.newUser();
        Session laptop = api.newDevice(phone);
        api.delete(phone, "/v1/users/{u}/devices/{d}", phone.userId(), laptop.deviceId()).expectStatus().isNoContent();

        Session again = api.login(laptop.username(), laptop.deviceId());

        api.get(again, "/v1/users/{u}/devices", phone.userId()).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(2);
        api.get(laptop, "/v1/users/{u}/devices", phone.userId()).expectStatus().isUnauthorized();
    }
}
