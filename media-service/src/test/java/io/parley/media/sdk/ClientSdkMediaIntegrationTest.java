package io.parley.media.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.client.media.MediaTransfers;
import io.parley.media.support.Files;
import io.parley.media.support.MediaServiceIntegrationTest;
import io.parley.media.support.TestAuthentication;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The SDK's upload (multipart, one part dropped and retried alone, progress) and download against the real service. */
class ClientSdkMediaIntegrationTest extends MediaServiceIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theSdkUploadsInPartsRetryingADroppedPartAndAMemberDownloadsTheSameBytes(@TempDir Path dir) throws Exception {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String chat = CHATS.chatOf(alice, bob);
        byte[] video = Files.startingWith(new byte[] {0, 0, 0, 0x20, 'f', 't', 'y', 'p'}, 20 * 1024 * 1024);
        Path file = java.nio.file.Files.write(dir.resolve("video.mp4"), video);
        FlakyHttpClient flaky = new FlakyHttpClient("partNumber=2");
        List<Long> progress = new CopyOnWriteArrayList<>();
        MediaTransfers aliceTransfers = transfers(alice, flaky);

        String mediaId = aliceTransfers.upload(file, chat, "video/mp4", (uploaded, total) -> progress.add(uploaded))
                .get(120, TimeUnit.SECONDS);
        share(alice, mediaId, chat);
        Path downloaded = transfers(bob, java.net.http.HttpClient.newHttpClient())
                .download(mediaId, dir.resolve("downloaded.mp4")).get(120, TimeUnit.SECONDS);

        assertThat(flaky.dropped()).isEqualTo(1);
        assertThat(progress).containsExactly(8L * 1024 * 1024, 16L * 1024 * 1024, 20L * 1024 * 1024);
        assertThat(sha256(java.nio.file.Files.readAllBytes(downloaded))).isEqualTo(sha256(video));
    }

    private MediaTransfers transfers(UUID user, java.net.http.HttpClient http) {
        return new MediaTransfers(URI.create("http://127.0.0.1:" + port),
                () -> CompletableFuture.completedFuture(TestAuthentication.tokenOf(user)), http, 3);
    }
}
