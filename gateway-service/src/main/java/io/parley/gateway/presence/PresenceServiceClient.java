package io.parley.gateway.presence;

import io.parley.grpc.calls.UnaryCalls;
import io.parley.proto.presence.v1.GetPresenceRequest;
import io.parley.proto.presence.v1.GetPresenceResponse;
import io.parley.proto.presence.v1.PresenceGrpc;
import io.parley.proto.presence.v1.ReportRequest;
import io.parley.proto.presence.v1.ReportResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/** presence-service's Presence rpcs as Monos (presence.proto). */
public class PresenceServiceClient {

    private final PresenceGrpc.PresenceStub stub;
    private final PresenceServiceSettings settings;

    public PresenceServiceClient(PresenceGrpc.PresenceStub stub, PresenceServiceSettings settings) {
        this.stub = stub;
        this.settings = settings;
    }

    public Mono<ReportResponse> report(ReportRequest request) {
        return UnaryCalls.mono(observer -> withDeadline().report(request, observer));
    }

    Mono<GetPresenceResponse> presenceOf(String viewer, List<String> users) {
        GetPresenceRequest request = GetPresenceRequest.newBuilder().setViewerUserId(viewer).addAllUserIds(users).build();
        return UnaryCalls.mono(observer -> withDeadline().getPresence(request, observer));
    }

    private PresenceGrpc.PresenceStub withDeadline() {
        return stub.withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
