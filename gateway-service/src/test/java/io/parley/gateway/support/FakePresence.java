package io.parley.gateway.support;

import io.grpc.stub.StreamObserver;
import io.parley.proto.presence.v1.Connection;
import io.parley.proto.presence.v1.GetPresenceRequest;
import io.parley.proto.presence.v1.GetPresenceResponse;
import io.parley.proto.presence.v1.PresenceGrpc;
import io.parley.proto.presence.v1.ReportRequest;
import io.parley.proto.presence.v1.ReportResponse;
import io.parley.proto.presence.v1.UserPresence;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * presence-service's Presence for gateway tests: records reports, and answers GetPresence with what tests set (every
 * user offline and visible, never seen, unless told otherwise). Changes are published by the tests themselves on the
 * Redis channel presence-service publishes on.
 */
public final class FakePresence extends PresenceGrpc.PresenceImplBase {

    public final List<ReportRequest> reports = new CopyOnWriteArrayList<>();
    private final Set<String> hidden = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

    /** {@code viewer} may not see {@code user}'s presence. */
    public void hide(String user, String viewer) {
        hidden.add(user + ">" + viewer);
    }

    public void lastSeen(String user, long lastSeenEpochMillis) {
        lastSeen.put(user, lastSeenEpochMillis);
    }

    /** Whether some report listed the connection as opened (or closed) on the gateway. */
    public boolean reported(String gatewayId, String userId, boolean opened) {
        return reports.stream().filter(report -> report.getGatewayId().equals(gatewayId))
                .flatMap(report -> (opened ? report.getOpenedList() : report.getClosedList()).stream())
                .map(Connection::getUserId).anyMatch(userId::equals);
    }

    @Override
    public void report(ReportRequest request, StreamObserver<ReportResponse> responses) {
        reports.add(request);
        responses.onNext(ReportResponse.getDefaultInstance());
        responses.onCompleted();
    }

    @Override
    public void getPresence(GetPresenceRequest request, StreamObserver<GetPresenceResponse> responses) {
        GetPresenceResponse.Builder answer = GetPresenceResponse.newBuilder();
        for (String user : request.getUserIdsList()) {
            boolean visible = !hidden.contains(user + ">" + request.getViewerUserId());
            answer.addUsers(visible
                    ? UserPresence.newBuilder().setUserId(user).setVisible(true).setLastSeenEpochMillis(lastSeen.getOrDefault(user, 0L))
                    : UserPresence.newBuilder().setUserId(user));
        }
        responses.onNext(answer.build());
        responses.onCompleted();
    }
}
