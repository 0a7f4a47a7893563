package io.parley.chat.grpc;

import io.grpc.stub.StreamObserver;
import io.micrometer.observation.ObservationRegistry;
import io.parley.chat.inbox.InboxReader;
import io.parley.chat.receipts.Receipts;
import io.parley.chat.send.SendService;
import io.parley.grpc.calls.UnaryReplies;
import io.parley.proto.chat.v1.AckInboxRequest;
import io.parley.proto.chat.v1.AckInboxResponse;
import io.parley.proto.chat.v1.ChatServiceGrpc;
import io.parley.proto.chat.v1.FetchInboxRequest;
import io.parley.proto.chat.v1.FetchInboxResponse;
import io.parley.proto.chat.v1.MarkReadRequest;
import io.parley.proto.chat.v1.MarkReadResponse;
import io.parley.proto.chat.v1.SendRequest;
import io.parley.proto.chat.v1.SendResponse;

/**
 * ChatService for gateways (chat_service.proto). Every call is answered asynchronously; no handler blocks
 * the gRPC executor, and a call the gateway cancels cancels its future. The gateway has authenticated the
 * device: user_id and device_id are trusted here.
 */
final class ChatGrpcService extends ChatServiceGrpc.ChatServiceImplBase {

    private final SendService sends;
    private final Receipts receipts;
    private final InboxReader inbox;
    private final ObservationRegistry observations;

    ChatGrpcService(SendService sends, Receipts receipts, InboxReader inbox, ObservationRegistry observations) {
        this.sends = sends;
        this.receipts = receipts;
        this.inbox = inbox;
        this.observations = observations;
    }

    @Override
    public void send(SendRequest request, StreamObserver<SendResponse> responses) {
        UnaryReplies.reply(() -> sends.send(request, observations.getCurrentObservation()), responses,
                ChatErrors::toStatus);
    }

    @Override
    public void ackInbox(AckInboxRequest request, StreamObserver<AckInboxResponse> responses) {
        UnaryReplies.reply(() -> receipts.ackInbox(request, observations.getCurrentObservation()), responses,
                ChatErrors::toStatus);
    }

    @Override
    public void markRead(MarkReadRequest request, StreamObserver<MarkReadResponse> responses) {
        UnaryReplies.reply(() -> receipts.markRead(request, observations.getCurrentObservation()), responses,
                ChatErrors::toStatus);
    }

    @Override
    public void fetchInbox(FetchInboxRequest request, StreamObserver<FetchInboxResponse> responses) {
        UnaryReplies.reply(() -> inbox.fetch(request), responses, ChatErrors::toStatus);
    }
}
