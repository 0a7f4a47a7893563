package io.parley.media.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.media.support.Files;
import io.parley.media.support.MediaServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A 100 MB video over a flaky link: parts are presigned one by one, and a failed part is retried alone. */
class MultipartUploadIntegrationTest extends MediaServiceIntegrationTest {

    private static final int MB = 1024 * 1024;

    @Test
    void aHundredMegabyteUploadWithOneFailedAndRetriedPartDownloadsWithTheSameSha256() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String chat = CHATS.chatOf(alice, bob);
        byte[] video = Files.startingWith(new byte[] {0, 0, 0, 0x20, 'f', 't', 'y', 'p'}, 100 * MB);
        Map<String, Object> offer = offer(alice, chat, "video/mp4", video);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parts = (List<Map<String, Object>>) offer.get("parts");
        int partSize = ((Number) offer.get("part_size")).intValue();

        assertThat(offer).doesNotContainKey("upload");
        assertThat(partSize).isEqualTo(8 * MB);
        assertThat(parts).hasSize(13);
        for (int i = 0; i < parts.size(); i++) {
            byte[] part = Arrays.copyOfRange(video, i * partSize, Math.min(video.length, (i + 1) * partSize));
            if (i == 2) {
                // part 3 breaks off half way, as on a mobile link that drops: the store refuses the short body
                assertThat(statusOrBroken(parts.get(i), Arrays.copyOf(part, part.length / 2), Map.of())).isIn(-1, 400, 403);
            } else {
                assertThat(put(parts.get(i), part).statusCode()).as("part %d", i + 1).isEqualTo(200);
            }
        }
        complete(alice, offer.get("media_id")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST").jsonPath("$.media_state").isEqualTo("not_uploaded");

        assertThat(put(parts.get(2), Arrays.copyOfRange(video, 2 * partSize, 3 * partSize)).statusCode()).isEqualTo(200);
        complete(alice, offer.get("media_id")).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("READY").jsonPath("$.size").isEqualTo(video.length);
        share(alice, offer.get("media_id"), chat);
        HttpResponse<byte[]> downloaded = fetch(downloadUrl(bob, offer.get("media_id")));

        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(sha256(downloaded.body())).isEqualTo(sha256(video));
    }
}
