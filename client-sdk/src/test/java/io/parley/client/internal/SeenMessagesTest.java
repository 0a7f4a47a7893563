package io.parley.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenMessagesTest {

    @Test
    void reportsEachIdOnceAndForgetsTheOldestBeyondItsCapacity() {
        SeenMessages seen = new SeenMessages(3);

        assertThat(seen.firstTime("1")).isTrue();
        assertThat(seen.firstTime("1")).isFalse();
        assertThat(seen.firstTime("2")).isTrue();
        assertThat(seen.firstTime("3")).isTrue();
        assertThat(seen.firstTime("4")).isTrue();

        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.firstTime("4")).isFalse();
        assertThat(seen.firstTime("1")).as("forgotten, so new again").isTrue();
    }
}
