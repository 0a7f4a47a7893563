package io.parley.media.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.media.support.Files;
import io.parley.media.support.MediaServiceIntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;

/** Completing an image makes a small thumbnail without metadata, served to whoever may see the image. */
class ThumbnailIntegrationTest extends MediaServiceIntegrationTest {

    @Test
    void aPhotoOf4000By3000GetsA320PixelThumbnailWithoutExifForTheChatsMembers() throws IOException {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String chat = CHATS.chatOf(alice, bob);
        String mediaId = uploaded(alice, chat, "image/jpeg", Files.jpegWithExif(4000, 3000));
        share(alice, mediaId, chat);

        Map<String, Object> link = thumbnailLink(bob, mediaId);
        HttpResponse<byte[]> thumbnail = fetch(URI.create((String) link.get("url")));

        assertThat(link.get("content_type")).isEqualTo("image/jpeg");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertThat(Math.max(image.getWidth(), image.getHeight())).isLessThanOrEqualTo(320);
        assertThat(Files.contains(thumbnail.body(), "Exif")).isFalse();
        assertThat(Files.contains(thumbnail.body(), Files.EXIF_SECRET)).isFalse();
        web.get().uri("/v1/media/{id}/thumbnail", mediaId)
                .header(HttpHeaders.AUTHORIZATION, bearer(UUID.randomUUID())).exchange().expectStatus().isNotFound();
    }

    @Test
    void aWebpInAGroupChatGetsAJpegThumbnailWithoutExifForItsMembers() throws IOException {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID carol = UUID.randomUUID();
        String group = CHATS.chatOf(alice, bob, carol);
        String mediaId = uploaded(alice, group, "image/webp", Files.webpWithExif(1600, 1200));
        share(alice, mediaId, group);

        Map<String, Object> link = thumbnailLink(carol, mediaId);
        HttpResponse<byte[]> thumbnail = fetch(URI.create((String) link.get("url")));

        assertThat(link.get("content_type")).isEqualTo("image/jpeg");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(240);
        assertThat(Files.contains(thumbnail.body(), Files.EXIF_SECRET)).isFalse();
    }

    @Test
    void mediaThatIsNotAnImageHasNoThumbnail() {
        UUID alice = UUID.randomUUID();
        String mediaId = uploaded(alice, CHATS.chatOf(alice), "application/octet-stream", Files.zip(2_000));

        web.get().uri("/v1/media/{id}/thumbnail", mediaId)
                .header(HttpHeaders.AUTHORIZATION, bearer(alice)).exchange().expectStatus().isNotFound();
    }

    private Map<String, Object> thumbnailLink(UUID viewer, String mediaId) {
        return web.get().uri("/v1/media/{id}/thumbnail", mediaId)
                .header(HttpHeaders.AUTHORIZATION, bearer(viewer)).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }
}
