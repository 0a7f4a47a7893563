package io.parley.chat.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeqBucketsTest {

    @Test
    void bucketsHoldAThousandConsecutiveSeqs() {
        assertThat(SeqBuckets.of(0)).isZero();
        assertThat(SeqBuckets.of(999)).isZero();
        assertThat(SeqBuckets.of(1000)).isEqualTo(1);
        assertThat(SeqBuckets.of(1999)).isEqualTo(1);
        assertThat(SeqBuckets.firstSeq(SeqBuckets.of(1234))).isEqualTo(1000);
    }

    @Test
    void negativeSeqsHaveNoBucket() {
        assertThatThrownBy(() -> SeqBuckets.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
