package io.parley.gateway.websocket;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.parley.gateway.auth.DeviceIdentity;
import io.parley.gateway.connection.CloseReason;
import io.parley.gateway.connection.ConnectionSettings;
import io.parley.gateway.connection.DeviceConnection;
import io.parley.gateway.device.ConnectedDevice;
import io.parley.gateway.device.ConnectedDevices;
import io.parley.gateway.metrics.GatewayMetrics;
import io.parley.gateway.online.PresenceReporter;
import io.parley.gateway.registry.ConnectionRegistration;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * One device connection from handshake to close. The connection is registered (locally and in the connection
 * registry) before its first frame is read, so live deliveries reach it before its {@code sync} starts; frames are
 * handled concurrently up to a bound, beyond which the socket is not read (TCP pushes back on the device). Once the
 * connection is ending, frames are read and ignored.
 */
@Component
class DeviceWebSocketHandler implements WebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(DeviceWebSocketHandler.class);

    private final ConnectedDevices devices;
    private final ConnectionRegistration registration;
    private final FrameDispatcher dispatcher;
    private final ConnectionSettings settings;
    private final GatewayMetrics metrics;
    private final PresenceReporter presence;

    DeviceWebSocketHandler(ConnectedDevices devices, ConnectionRegistration registration, FrameDispatcher dispatcher,
            ConnectionSettings settings, GatewayMetrics metrics, PresenceReporter presence) {
        this.devices = devices;
        this.presence = presence;
        this.registration = registration;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of(Protocol.SUBPROTOCOL_V1);
    }

    /** Only reached without {@link AuthenticatingWebSocketService}: a socket with no authenticated device. */
    @Override
    public Mono<Void> handle(WebSocketSession socket) {
        return socket.close(CloseStatus.POLICY_VIOLATION);
    }

    Mono<Void> handle(WebSocketSession socket, DeviceIdentity device) {
        ConnectedDevice connected = devices.connect(device, status -> terminate(socket, status));
        DeviceConnection connection = connected.connection();
        connection.offer(new ServerFrame.Hello(Protocol.VERSION, connection.id(), devices.gatewayId(),
                device.userId(), device.deviceId(), settings.idleTimeout().toMillis(), Protocol.MAX_BODY_BYTES));

        Mono<Void> output = socket.send(connection.outboundFrames().map(socket::textMessage))
                .onErrorResume(DeviceConnection.ConnectionAborted.class, aborted -> Mono.empty())
                .then(Mono.defer(() -> socket.close(connection.closeStatus())));

        // Deferred, so the registration's operator chain is garbage once it completed, not kept for the connection.
        Mono<Void> input = Mono.defer(() -> registration.register(connection))
                .then(Mono.fromRunnable(() -> presence.opened(connection)))
                .thenMany(socket.receive())
                .flatMap(message -> {
                    if (!connection.acceptsFrames()) {
                        metrics.frameIn(GatewayMetrics.IGNORED);
                        return Mono.empty();
                    }
                    return message.getType() == WebSocketMessage.Type.TEXT
                            ? dispatcher.dispatch(connected, message.getPayloadAsText())
                            : notText(connection);
                }, settings.maxInFlightFrames())
                .onErrorResume(error -> inboundFailed(connection, error))
                .doFinally(signal -> connection.inboundEnded())
                .then();

        return Mono.when(input, output)
                .onErrorResume(error -> Mono.empty())
                .then(Mono.defer(() -> registration.remove(connection)))
                .doFinally(signal -> {
                    presence.closed(connection);
                    devices.disconnected(connected);
                });
    }

    private static void terminate(WebSocketSession socket, CloseStatus status) {
        if (socket instanceof GatewaySocket gatewaySocket) {
            gatewaySocket.terminate(status);
        } else {
            socket.close(status).subscribe(null, error -> log.debug("Closing failed: {}", error.toString()));
        }
    }

    private static Mono<Void> notText(DeviceConnection connection) {
        connection.offer(new ServerFrame.Error(null, ErrorCode.BAD_JSON, "frames are JSON text, not binary", false));
        return Mono.empty();
    }

    private static Mono<Void> inboundFailed(DeviceConnection connection, Throwable error) {
        if (error instanceof GatewaySocket.MessageTooBig
                || error instanceof CorruptedWebSocketFrameException corrupted && isTooBig(corrupted)) {
            connection.abort(CloseReason.TOO_BIG);
        } else {
            log.warn("Closing {}: {}", connection, error.toString());
            connection.abort(CloseReason.INTERNAL);
        }
        return Mono.empty();
    }

    private static boolean isTooBig(CorruptedWebSocketFrameException corrupted) {
        return corrupted.closeStatus() != null && corrupted.closeStatus().code() == Protocol.CLOSE_TOO_BIG;
    }
}
