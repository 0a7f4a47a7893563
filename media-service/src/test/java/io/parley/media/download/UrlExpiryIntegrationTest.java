package io.parley.media.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.media.support.Files;
import io.parley.media.support.MediaServiceIntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.TestPropertySource;

/** The store itself refuses presigned URLs past their expiry (URLs valid for one second here). */
@TestPropertySource(properties = {"parley.media.uploads.upload-url-ttl=1s", "parley.media.downloads.url-ttl=1s"})
class UrlExpiryIntegrationTest extends MediaServiceIntegrationTest {

    @Test
    void anExpiredUploadUrlIsRefusedByTheStore() {
        UUID alice = UUID.randomUUID();
        byte[] png = Files.png(3_000);
        @SuppressWarnings("unchecked")
        Map<String, Object> upload = (Map<String, Object>) offer(alice, CHATS.chatOf(alice), "image/png", png).get("upload");

        awaitPast(Instant.parse((String) upload.get("expires_at")));

        var refused = put(upload, png);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).containsIgnoringCase("expired");
    }

    @Test
    void anExpiredDownloadUrlIsRefusedByTheStore() {
        UUID alice = UUID.randomUUID();
        byte[] png = Files.png(3_000);
        Map<String, Object> offer = offer(alice, CHATS.chatOf(alice), "image/png", png);
        // stored directly: this test is about the download URL, and the upload URL lives only a second
        S3.client().putObject(request -> request.bucket(BUCKET).key("media/" + offer.get("media_id")).contentType("image/png"),
                RequestBody.fromBytes(png));
        complete(alice, offer.get("media_id")).expectStatus().isOk();
        Map<String, Object> link = download(alice, offer.get("media_id")).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();

        awaitPast(Instant.parse((String) link.get("expires_at")));

        var refused = fetch(URI.create((String) link.get("url")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body())).containsIgnoringCase("expired");
    }

    /** Waits until the wall clock (the store's too: same host) is a second past {@code expiry}. */
    private static void awaitPast(Instant expiry) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().isAfter(expiry.plusSeconds(1)));
    }
}
