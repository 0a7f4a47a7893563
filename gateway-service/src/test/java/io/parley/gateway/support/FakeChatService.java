package io.parley.gateway.support;

import com.google.protobuf.ByteString;
import com.google.rpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.parley.error.GrpcErrors;
import io.parley.proto.chat.v1.AckInboxRequest;
import io.parley.proto.chat.v1.AckInboxResponse;
import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.ChatServiceGrpc;
import io.parley.proto.chat.v1.FetchInboxRequest;
import io.parley.proto.chat.v1.FetchInboxResponse;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.MarkReadRequest;
import io.parley.proto.chat.v1.MarkReadResponse;
import io.parley.proto.chat.v1.SendRequest;
import io.parley.proto.chat.v1.SendResponse;
import io.parley.proto.error.v1.ErrorReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * chat-service as the gateway sees it, in memory, speaking the real gRPC contract (errors as google.rpc.Status
 * with the shared error contract's ErrorInfo). Failures and slow inbox reads are programmable.
 */
public final class FakeChatService extends ChatServiceGrpc.ChatServiceImplBase {

    public final List<SendRequest> sends = new CopyOnWriteArrayList<>();
    public final List<AckInboxRequest> acks = new CopyOnWriteArrayList<>();
    public final List<MarkReadRequest> reads = new CopyOnWriteArrayList<>();
    public final AtomicInteger fetches = new AtomicInteger();
    private final Map<String, List<InboxEntry>> inboxes = new ConcurrentHashMap<>();
    private final Map<String, String> acceptedIds = new ConcurrentHashMap<>();
    private final AtomicLong nextMessageId = new AtomicLong(1000);
    private volatile Function<SendRequest, Status> sendFailure = request -> null;
    private volatile Semaphore fetchPermits;
    private volatile Semaphore ackPermits;

    /** Makes Send fail with this code and reason while {@code when} holds. */
    public void failSends(Function<SendRequest, Status> failure) {
        this.sendFailure = failure;
    }

    /** The status chat-service answers with for {@code reason}, built by the shared error contract. */
    public static Status error(ErrorReason reason) {
        return StatusProto.fromThrowable(GrpcErrors.status(reason, reason.name().toLowerCase(Locale.ROOT), Map.of()));
    }

    /** Each FetchInbox waits for a permit from now on (null: no waiting). */
    public void gateFetches(Semaphore permits) {
        this.fetchPermits = permits;
    }

    /** Each AckInbox waits for a permit from now on (null: no waiting); it is recorded before it waits. */
    public void gateAcks(Semaphore permits) {
        this.ackPermits = permits;
    }

    /** Appends a text message to a user's inbox with the next inbox_seq. */
    public synchronized InboxEntry addMessage(String userId, String chat, long seq, String text) {
        List<InboxEntry> inbox = inboxes.computeIfAbsent(userId, user -> new CopyOnWriteArrayList<>());
        InboxEntry entry = InboxEntry.newBuilder()
                .setUserId(userId)
                .setInboxSeq(inbox.size() + 1)
                .setMessage(ChatMessage.newBuilder()
                        .setMessageId(Long.toString(nextMessageId.incrementAndGet()))
                        .setChatId(chat)
                        .setSeq(seq)
                        .setSenderUserId("sender")
                        .setSenderDeviceId("sender-device")
                        .setClientMsgId("c-" + seq)
                        .setContentType("text/plain")
                        .setBody(ByteString.copyFrom(text, StandardCharsets.UTF_8))
                        .setSentAtEpochMillis(1_700_000_000_000L))
                .build();
        inbox.add(entry);
        return entry;
    }

    public void reset() {
        sends.clear();
        acks.clear();
        reads.clear();
        fetches.set(0);
        inboxes.clear();
        acceptedIds.clear();
        sendFailure = request -> null;
        fetchPermits = null;
        ackPermits = null;
    }

    @Override
    public void send(SendRequest request, StreamObserver<SendResponse> response) {
        sends.add(request);
        Status failure = sendFailure.apply(request);
        if (failure != null) {
            response.onError(StatusProto.toStatusRuntimeException(failure));
            return;
        }
        String key = request.getUserId() + "/" + request.getClientMsgId();
        String id = acceptedIds.computeIfAbsent(key, ignored -> Long.toString(nextMessageId.incrementAndGet()));
        response.onNext(SendResponse.newBuilder().setMessageId(id).build());
        response.onCompleted();
    }

    @Override
    public void ackInbox(AckInboxRequest request, StreamObserver<AckInboxResponse> response) {
        acks.add(request);
        Semaphore permits = ackPermits;
        if (permits != null) {
            permits.acquireUninterruptibly();
        }
        response.onNext(AckInboxResponse.newBuilder().setAckedInboxSeq(request.getUpToInboxSeq()).build());
        response.onCompleted();
    }

    @Override
    public void markRead(MarkReadRequest request, StreamObserver<MarkReadResponse> response) {
        reads.add(request);
        if (!request.getChatId().startsWith("d:")) {
            response.onError(StatusProto.toStatusRuntimeException(error(ErrorReason.NOT_A_MEMBER)));
            return;
        }
        response.onNext(MarkReadResponse.newBuilder().setReadUpToSeq(request.getUpToSeq()).build());
        response.onCompleted();
    }

    @Override
    public void fetchInbox(FetchInboxRequest request, StreamObserver<FetchInboxResponse> response) {
        fetches.incrementAndGet();
        Semaphore permits = fetchPermits;
        if (permits != null) {
            permits.acquireUninterruptibly();
        }
        List<InboxEntry> inbox = inboxes.getOrDefault(request.getUserId(), List.of());
        List<InboxEntry> page = new ArrayList<>();
        for (InboxEntry entry : inbox) {
            if (entry.getInboxSeq() > request.getAfterInboxSeq() && page.size() < request.getLimit()) {
                page.add(entry);
            }
        }
        long latest = inbox.isEmpty() ? 0 : inbox.get(inbox.size() - 1).getInboxSeq();
        long last = page.isEmpty() ? request.getAfterInboxSeq() : page.get(page.size() - 1).getInboxSeq();
        response.onNext(FetchInboxResponse.newBuilder().addAllEntries(page).setHasMore(last < latest)
                .setLatestInboxSeq(latest).build());
        response.onCompleted();
    }
}
