package io.parley.media.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.media.library.MediaStore;
import io.parley.media.storage.MediaObjects;
import io.parley.media.support.Files;
import io.parley.media.support.MediaServiceIntegrationTest;
import io.parley.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Uploads never completed, or completed but never shared, are deleted once they are 24 h old; shared ones stay. */
class SweeperIntegrationTest extends MediaServiceIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    MediaStore store;
    @Autowired
    MediaObjects objects;
    @Autowired
    SweepSettings settings;

    @Test
    void unsharedMediaIsDeletedAfterItsAgeLimitAndSharedMediaStays() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String chat = CHATS.chatOf(alice, bob);
        UUID neverCompleted = UUID.fromString((String) offer(alice, chat, "image/png", Files.png(1_000)).get("media_id"));
        UUID neverShared = UUID.fromString(uploaded(alice, chat, "image/png", Files.png(2_000)));
        UUID shared = UUID.fromString(uploaded(alice, chat, "image/png", Files.png(3_000)));
        share(alice, shared, chat);
        MutableClock clock = new MutableClock(Instant.now());
        MediaSweeper sweeper = new MediaSweeper(store, objects, clock, settings);

        clock.advance(Duration.ofHours(23));
        sweeper.sweep().block(TIMEOUT);
        assertThat(store.find(neverCompleted).blockOptional(TIMEOUT)).isPresent();
        assertThat(store.find(neverShared).blockOptional(TIMEOUT)).isPresent();

        clock.advance(Duration.ofHours(2));
        sweeper.sweep().block(TIMEOUT);
        assertThat(store.find(neverCompleted).blockOptional(TIMEOUT)).isEmpty();
        assertThat(store.find(neverShared).blockOptional(TIMEOUT)).isEmpty();
        assertThat(objects.head("media/" + neverShared).blockOptional(TIMEOUT)).isEmpty();
        assertThat(fetch(downloadUrl(bob, shared)).statusCode()).isEqualTo(200);

        // sweeping again finds nothing left to delete and fails on nothing
        clock.advance(Duration.ofHours(1));
        sweeper.sweep().block(TIMEOUT);
        assertThat(store.find(shared).blockOptional(TIMEOUT)).isPresent();
    }
}
