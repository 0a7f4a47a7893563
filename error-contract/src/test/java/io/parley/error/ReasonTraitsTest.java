package io.parley.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.parley.proto.error.v1.ErrorReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;

class ReasonTraitsTest {

    @ParameterizedTest
    @EnumSource(value = ErrorReason.class, names = {"ERROR_REASON_UNSPECIFIED", "UNRECOGNIZED", "INTERNAL"}, mode = EnumSource.Mode.EXCLUDE)
    void onlyInternalIsABug(ErrorReason reason) {
        ReasonTraits traits = ReasonTraits.of(reason);

        assertThat(traits.grpcCode()).isNotEqualTo(Status.Code.INTERNAL);
        assertThat(traits.httpStatus()).isNotEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(traits.title()).isNotBlank();
    }

    @Test
    void unavailableAndRateLimitedAreRetriableTheRestIsNot() {
        assertThat(ReasonTraits.of(ErrorReason.KAFKA_UNAVAILABLE).retriable()).isTrue();
        assertThat(ReasonTraits.of(ErrorReason.RATE_LIMITED).retriable()).isTrue();
        assertThat(ReasonTraits.of(ErrorReason.BLOCKED).retriable()).isFalse();
        assertThat(ReasonTraits.of(ErrorReason.BODY_TOO_LARGE).retriable()).isFalse();
    }
}
