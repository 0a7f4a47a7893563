package io.parley.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.proto.chat.v1.PushRequest;
import io.parley.push.support.LocalApns;
import io.parley.push.support.LocalWebPush;
import io.parley.push.support.PushServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The per-user preview setting: off by default, and then a plain-text preview shows on every platform. */
class PreviewIntegrationTest extends PushServiceIntegrationTest {

    private static final String TEXT = "see you at 7 at the crag";

    @Test
    void plainTextIsShownOnlyOnceTheUserAllowedPreviews() {
        String bob = newId();
        String phone = newId();
        String fcmToken = "fcm-" + UUID.randomUUID();
        LocalWebPush.Subscription browser = WEB_PUSH.subscribe();
        for (Map<String, ?> device : List.of(Map.of("platform", "apns", "token", LocalApns.TOKEN, "topic", LocalApns.TOPIC),
                Map.of("platform", "fcm", "token", fcmToken))) {
            register(bob, device.get("platform").equals("apns") ? phone : newId(), device).expectStatus().isOk();
        }
        subscribe(bob, newId(), browser);
        authorized(http.get().uri("/v1/push/preferences"), bob, phone).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.preview").isEqualTo(false);

        PushRequest withoutConsent = withPreview(pushRequest(bob, newId(), newMessageId(), 1));
        produce(withoutConsent);
        awaitOnEachPlatform(withoutConsent, fcmToken, browser);
        assertThat(APNS.acceptedMentioning(messageId(withoutConsent)).get(0).getPayload()).doesNotContain(TEXT);
        assertThat(FCM.acceptedFor(messageId(withoutConsent)).get(0).toString()).doesNotContain(TEXT);
        assertThat(webPush(browser, withoutConsent)).doesNotContain(TEXT);

        authorized(http.put().uri("/v1/push/preferences").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("preview", true)), bob, phone).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.preview").isEqualTo(true);
        // Another chat (another sender), so no collapse window holds it back.
        PushRequest allowed = withPreview(pushRequest(bob, newId(), newMessageId(), 1));
        produce(allowed);
        awaitOnEachPlatform(allowed, fcmToken, browser);
        assertThat(APNS.acceptedMentioning(messageId(allowed)).get(0).getPayload()).contains("\"body\":\"" + TEXT + "\"");
        JsonNode android = FCM.acceptedFor(messageId(allowed)).get(0).path("android").path("notification");
        assertThat(android.path("body").asString()).isEqualTo(TEXT);
        assertThat(android.path("tag").asString()).hasSize(22);
        assertThat(webPush(browser, allowed)).contains("\"preview\":\"" + TEXT + "\"");
    }

    @Test
    void aPreferenceWithoutAValueIsRefusedNamingTheField() {
        String bob = newId();
        authorized(http.put().uri("/v1/push/preferences").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()),
                bob, newId()).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("preview");
    }

    private static PushRequest withPreview(PushRequest request) {
        return request.toBuilder().setPreview(TEXT).build();
    }

    private static String messageId(PushRequest request) {
        return request.getEntry().getMessage().getMessageId();
    }

    private static void awaitOnEachPlatform(PushRequest request, String fcmToken, LocalWebPush.Subscription browser) {
        await().atMost(patience()).until(() -> APNS.acceptedMentioning(messageId(request)).size() == 1
                && FCM.acceptedFor(messageId(request)).size() == 1 && webPush(browser, request) != null);
        assertThat(FCM.acceptedFor(messageId(request)).get(0).path("token").asString()).isEqualTo(fcmToken);
    }

    private static String webPush(LocalWebPush.Subscription browser, PushRequest request) {
        return WEB_PUSH.receivedBy(browser.id()).stream().map(LocalWebPush.Received::plaintext)
                .filter(plaintext -> plaintext.contains(messageId(request))).findFirst().orElse(null);
    }
}
