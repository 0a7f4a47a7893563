package io.parley.presence.grpc;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.parley.error.GrpcErrors;
import io.parley.grpc.calls.UnaryReplies;
import io.parley.presence.error.PresenceException;
import io.parley.presence.live.OpenConnection;
import io.parley.presence.query.PresenceQuery;
import io.parley.presence.query.UserPresenceView;
import io.parley.presence.tracking.ConnectionTracker;
import io.parley.presence.tracking.GatewayReport;
import io.parley.proto.error.v1.ErrorReason;
import io.parley.proto.presence.v1.Connection;
import io.parley.proto.presence.v1.GetPresenceRequest;
import io.parley.proto.presence.v1.GetPresenceResponse;
import io.parley.proto.presence.v1.PresenceGrpc;
import io.parley.proto.presence.v1.ReportRequest;
import io.parley.proto.presence.v1.ReportResponse;
import io.parley.proto.presence.v1.UserPresence;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The gRPC Presence service gateways call; the contract, errors included, is in presence.proto. */
@Service
class PresenceGrpcService extends PresenceGrpc.PresenceImplBase {

    private static final Logger log = LoggerFactory.getLogger(PresenceGrpcService.class);

    private final ConnectionTracker tracker;
    private final PresenceQuery query;

    PresenceGrpcService(ConnectionTracker tracker, PresenceQuery query) {
        this.tracker = tracker;
        this.query = query;
    }

    @Override
    public void report(ReportRequest request, StreamObserver<ReportResponse> observer) {
        UnaryReplies.reply(Mono.defer(() -> {
            if (request.getGatewayId().isEmpty() || request.getLivenessTtlMillis() < 1) {
                return Mono.error(invalid("gateway_id and liveness_ttl_millis are required"));
            }
            GatewayReport report = new GatewayReport(request.getGatewayId(),
                    connections(request.getGatewayId(), request.getOpenedList()),
                    request.getClosedList().stream().map(c -> new GatewayReport.Closed(
                            connection(request.getGatewayId(), c), Duration.ofMillis(c.getClosedMillisAgo()))).toList(),
                    Duration.ofMillis(request.getLivenessTtlMillis()), request.getComplete());
            return tracker.apply(report).map(resend -> ReportResponse.newBuilder().setResendAll(resend).build());
        }), observer, PresenceGrpcService::failure);
    }

    @Override
    public void getPresence(GetPresenceRequest request, StreamObserver<GetPresenceResponse> observer) {
        UnaryReplies.reply(Mono.defer(() -> {
            if (request.getViewerUserId().isEmpty() || request.getUserIdsCount() > PresenceQuery.MAX_USERS) {
                return Mono.error(invalid("viewer_user_id is required and user_ids holds at most " + PresenceQuery.MAX_USERS));
            }
            return query.presenceOf(request.getViewerUserId(), request.getUserIdsList())
                    .map(PresenceGrpcService::toProto)
                    .collectList()
                    .map(users -> GetPresenceResponse.newBuilder().addAllUsers(users).build());
        }), observer, PresenceGrpcService::failure);
    }

    private static List<OpenConnection> connections(String gatewayId, List<Connection> connections) {
        return connections.stream().map(c -> connection(gatewayId, c)).toList();
    }

    private static OpenConnection connection(String gatewayId, Connection c) {
        return new OpenConnection(gatewayId, c.getUserId(), c.getDeviceId(), c.getConnectionId());
    }

    private static UserPresence toProto(UserPresenceView view) {
        UserPresence.Builder user = UserPresence.newBuilder().setUserId(view.userId()).setVisible(view.visible())
                .setOnline(view.online());
        if (view.lastSeenEpochMillis() != null) {
            user.setLastSeenEpochMillis(view.lastSeenEpochMillis());
        }
        return user.build();
    }

    private static StatusRuntimeException invalid(String message) {
        return GrpcErrors.status(ErrorReason.INVALID_REQUEST, message, Map.of());
    }

    private static StatusRuntimeException failure(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof PresenceException presence) {
            log.warn("Presence call failed: {}", String.valueOf(presence.getCause()));
            return GrpcErrors.status(presence.reason(), presence.getMessage(), Map.of());
        }
        log.warn("Presence call failed: {}", failure.toString());
        return GrpcErrors.status(ErrorReason.STORAGE_UNAVAILABLE, "presence storage did not answer; retry with backoff",
                Map.of());
    }
}
