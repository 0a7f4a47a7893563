package io.parley.gateway.chat;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.parley.gateway.auth.DeviceIdentity;
import io.parley.grpc.calls.UnaryCalls;
import io.parley.gateway.sync.InboxSource;
import io.parley.proto.chat.v1.AckInboxRequest;
import io.parley.proto.chat.v1.AckInboxResponse;
import io.parley.proto.chat.v1.ChatServiceGrpc;
import io.parley.proto.chat.v1.FetchInboxRequest;
import io.parley.proto.chat.v1.FetchInboxResponse;
import io.parley.proto.chat.v1.MarkReadRequest;
import io.parley.proto.chat.v1.MarkReadResponse;
import io.parley.proto.chat.v1.SendRequest;
import io.parley.proto.chat.v1.SendResponse;
import io.parley.protocol.ClientFrame;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * chat-service, as the gateway calls it: always on behalf of the connection's authenticated device. Trace context
 * travels in the calls' metadata (Spring gRPC's client observation).
 */
public class ChatServiceClient implements InboxSource {

    private final ChatServiceGrpc.ChatServiceStub stub;
    private final ChatServiceSettings settings;

    public ChatServiceClient(ChatServiceGrpc.ChatServiceStub stub, ChatServiceSettings settings) {
        this.stub = stub;
        this.settings = settings;
    }

    Channel channel() {
        return stub.getChannel();
    }

    public Mono<SendResponse> send(DeviceIdentity device, ClientFrame.Send send) {
        SendRequest request = SendRequest.newBuilder()
                .setUserId(device.userId())
                .setDeviceId(device.deviceId())
                .setClientMsgId(send.clientMsgId())
                .setChatId(send.chat())
                .setContentType(send.contentType())
                .setBody(ByteString.copyFrom(send.body()))
                .build();
        return UnaryCalls.mono(observer -> stub.withDeadlineAfter(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .send(request, observer));
    }

    public Mono<AckInboxResponse> ackInbox(DeviceIdentity device, long upToInboxSeq) {
        AckInboxRequest request = AckInboxRequest.newBuilder()
                .setUserId(device.userId())
                .setDeviceId(device.deviceId())
                .setUpToInboxSeq(upToInboxSeq)
                .build();
        return UnaryCalls.mono(observer -> withCallDeadline().ackInbox(request, observer));
    }

    public Mono<MarkReadResponse> markRead(DeviceIdentity device, String chatId, long upToSeq) {
        MarkReadRequest request = MarkReadRequest.newBuilder()
                .setUserId(device.userId())
                .setDeviceId(device.deviceId())
                .setChatId(chatId)
                .setUpToSeq(upToSeq)
                .build();
        return UnaryCalls.mono(observer -> withCallDeadline().markRead(request, observer));
    }

    @Override
    public Mono<FetchInboxResponse> fetch(DeviceIdentity device, long afterInboxSeq, int limit) {
        FetchInboxRequest request = FetchInboxRequest.newBuilder()
                .setUserId(device.userId())
                .setDeviceId(device.deviceId())
                .setAfterInboxSeq(afterInboxSeq)
                .setLimit(limit)
                .build();
        return UnaryCalls.mono(observer -> withCallDeadline().fetchInbox(request, observer));
    }

    private ChatServiceGrpc.ChatServiceStub withCallDeadline() {
        return stub.withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
