package io.parley.chat.send;

import io.micrometer.observation.Observation;
import io.parley.chat.chats.ChatAuthorizer;
import io.parley.chat.chats.ChatId;
import io.parley.chat.error.ChatException;
import io.parley.proto.error.v1.ErrorReason;
import io.parley.chat.ids.MessageIds;
import io.parley.chat.media.MediaSharing;
import io.parley.proto.chat.v1.MessageSubmitted;
import io.parley.proto.chat.v1.SendRequest;
import io.parley.proto.chat.v1.SendResponse;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The send path: validate, authorize, dedup, id, produce, answer. An OK answer is given only after Kafka
 * acknowledged the message; a retry with the same client_msg_id gets the same message id and never a second
 * message (see {@link DedupEntry}).
 */
public final class SendService {

    private static final Logger log = LoggerFactory.getLogger(SendService.class);

    private final ChatAuthorizer authorizer;
    private final MediaSharing media;
    private final SendDedup dedup;
    private final MessageIds ids;
    private final MessageSubmitter submitter;
    private final SendMetrics metrics;
    private final Clock clock;

    public SendService(ChatAuthorizer authorizer, MediaSharing media, SendDedup dedup, MessageIds ids,
            MessageSubmitter submitter, SendMetrics metrics, Clock clock) {
        this.authorizer = authorizer;
        this.media = media;
        this.dedup = dedup;
        this.ids = ids;
        this.submitter = submitter;
        this.metrics = metrics;
        this.clock = clock;
    }

    public CompletableFuture<SendResponse> send(SendRequest request, Observation parent) {
        long start = System.nanoTime();
        CompletableFuture<SendResponse> response;
        try {
            ChatId chat = SendRequestValidator.validate(request);
            response = authorizer.authorizeSend(request.getUserId(), chat)
                    .thenCompose(authorized -> media.beforeSend(request, chat))
                    .thenCompose(shared -> claim(request, chat))
                    .thenCompose(claim -> answer(request, chat, claim, parent));
        } catch (RuntimeException invalid) {
            response = CompletableFuture.failedFuture(invalid);
        }
        return response.whenComplete((answer, failure) ->
                metrics.answered(start, System.nanoTime(), failure, answer != null && answer.getDuplicate()));
    }

    private CompletableFuture<SendDedup.Claim> claim(SendRequest request, ChatId chat) {
        DedupEntry candidate = new DedupEntry(DedupEntry.State.PENDING, ids.next(), chat.value(), clock.millis(),
                ContentHash.of(request));
        return dedup.claim(request.getUserId(), request.getClientMsgId(), candidate)
                .exceptionally(failure -> {
                    throw new ChatException(ErrorReason.STORAGE_UNAVAILABLE,
                            "the send cannot be deduplicated right now; retry", Map.of(), failure);
                });
    }

    private CompletableFuture<SendResponse> answer(SendRequest request, ChatId chat, SendDedup.Claim claim,
            Observation parent) {
        DedupEntry entry = claim.entry();
        if (!entry.isRetryOf(chat.value(), ContentHash.of(request))) {
            throw new ChatException(ErrorReason.CLIENT_MSG_ID_REUSED,
                    "this client_msg_id was already used for another message");
        }
        if (entry.state() == DedupEntry.State.DONE) {
            return CompletableFuture.completedFuture(response(entry, true));
        }
        return submitter.submit(submitted(request, entry), parent)
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        metrics.produceFailed();
                        log.warn("Send not acknowledged by Kafka chat_id={} message_id={}: {}", chat, entry.messageId(),
                                rootCause(failure).toString());
                    }
                })
                .thenCompose(acknowledged -> dedup.markDone(request.getUserId(), request.getClientMsgId(), entry)
                        .handle((marked, failure) -> {
                            if (failure != null) {
                                // Still durable in Kafka; a retry finds PENDING and re-produces the same id (deduped downstream).
                                log.warn("Could not mark send done in Redis message_id={}: {}", entry.messageId(), failure.toString());
                            }
                            return response(entry, false);
                        }));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static MessageSubmitted submitted(SendRequest request, DedupEntry entry) {
        return MessageSubmitted.newBuilder()
                .setMessageId(Long.toString(entry.messageId()))
                .setChatId(entry.chatId())
                .setSenderUserId(request.getUserId())
                .setSenderDeviceId(request.getDeviceId())
                .setClientMsgId(request.getClientMsgId())
                .setContentType(request.getContentType())
                .setBody(request.getBody())
                .setSubmittedAtEpochMillis(entry.acceptedAtEpochMillis())
                .build();
    }

    private static SendResponse response(DedupEntry entry, boolean duplicate) {
        return SendResponse.newBuilder()
                .setMessageId(Long.toString(entry.messageId()))
                .setAcceptedAtEpochMillis(entry.acceptedAtEpochMillis())
                .setDuplicate(duplicate)
                .build();
    }
}
