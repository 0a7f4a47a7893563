package io.parley.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.parley.proto.error.v1.ErrorReason;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GrpcErrorsTest {

    @ParameterizedTest
    @EnumSource(value = ErrorReason.class, names = {"ERROR_REASON_UNSPECIFIED", "UNRECOGNIZED"}, mode = EnumSource.Mode.EXCLUDE)
    void everyReasonSurvivesTheWire(ErrorReason reason) {
        StatusRuntimeException status = GrpcErrors.status(reason, "why", Map.of("field", "chat_id"));

        assertThat(GrpcErrors.reasonOf(status)).isEqualTo(reason);
        assertThat(status.getStatus().getCode()).isEqualTo(ReasonTraits.of(reason).grpcCode());
        assertThat(GrpcErrors.infoOf(status).orElseThrow().getMetadataMap()).containsEntry("field", "chat_id");
    }

    @Test
    void statusCarriesTheOneDomainAndTheReasonName() {
        StatusRuntimeException status = GrpcErrors.status(ErrorReason.BLOCKED, "blocked", Map.of());

        ErrorInfo info = GrpcErrors.infoOf(status).orElseThrow();
        assertThat(info.getDomain()).isEqualTo("parley.io");
        assertThat(info.getReason()).isEqualTo("BLOCKED");
        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(status.getStatus().getDescription()).isEqualTo("blocked");
    }

    @Test
    void reasonsOfAnotherDomainAreNotOurs() {
        StatusRuntimeException foreign = StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.PERMISSION_DENIED.value())
                .addDetails(Any.pack(ErrorInfo.newBuilder().setDomain("googleapis.com").setReason("BLOCKED").build()))
                .build());

        assertThat(GrpcErrors.reasonOf(foreign)).isEqualTo(ErrorReason.ERROR_REASON_UNSPECIFIED);
    }

    @Test
    void aReasonFromANewerPeerIsUnspecifiedNotAFailure() {
        StatusRuntimeException newer = StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.INVALID_ARGUMENT.value())
                .addDetails(Any.pack(ErrorInfo.newBuilder().setDomain(GrpcErrors.DOMAIN).setReason("SOMETHING_NEW").build()))
                .build());

        assertThat(GrpcErrors.reasonOf(newer)).isEqualTo(ErrorReason.ERROR_REASON_UNSPECIFIED);
    }

    @Test
    void plainStatusesAndWrappedFailuresAreRead() {
        assertThat(GrpcErrors.reasonOf(Status.UNAVAILABLE.asRuntimeException())).isEqualTo(ErrorReason.ERROR_REASON_UNSPECIFIED);
        assertThat(GrpcErrors.reasonOf(new IllegalStateException("not grpc"))).isEqualTo(ErrorReason.ERROR_REASON_UNSPECIFIED);
        assertThat(GrpcErrors.reasonOf(new CompletionException(GrpcErrors.status(ErrorReason.RATE_LIMITED, "slow", Map.of()))))
                .isEqualTo(ErrorReason.RATE_LIMITED);
    }
}
