package io.parley.media.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartLayoutTest {

    private static final long MB = 1024 * 1024;

    @Test
    void everyPartButTheLastHasThePartSize() {
        assertThat(PartLayout.count(100 * MB, 8 * MB)).isEqualTo(13);
        assertThat(PartLayout.sizeOf(1, 100 * MB, 8 * MB)).isEqualTo(8 * MB);
        assertThat(PartLayout.sizeOf(12, 100 * MB, 8 * MB)).isEqualTo(8 * MB);
        assertThat(PartLayout.sizeOf(13, 100 * MB, 8 * MB)).isEqualTo(4 * MB);
    }

    @Test
    void aFileOfWholePartsHasAFullLastPart() {
        assertThat(PartLayout.count(16 * MB, 8 * MB)).isEqualTo(2);
        assertThat(PartLayout.sizeOf(2, 16 * MB, 8 * MB)).isEqualTo(8 * MB);
    }
}
