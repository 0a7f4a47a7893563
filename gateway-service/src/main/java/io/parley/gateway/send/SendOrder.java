package io.parley.gateway.send;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * One connection's sends to one chat reach chat-service one after another, in the order the device sent
 * them, so its messages get seqs in that order ("yes" then "no, wait" never swaps). Sends to different
 * chats still run side by side. Holds an entry only for chats with a send in flight.
 */
public final class SendOrder {

    private static final CompletableFuture<Void> IDLE = CompletableFuture.completedFuture(null);

    private final Map<String, CompletableFuture<Void>> lastSendByChat = new HashMap<>();

    /** {@code send}, started once every earlier send of this connection to {@code chat} has finished. */
    public Mono<Void> inOrder(String chat, Mono<Void> send) {
        return Mono.defer(() -> {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> previous;
            synchronized (lastSendByChat) {
                previous = lastSendByChat.getOrDefault(chat, IDLE);
                lastSendByChat.put(chat, mine);
            }
            return Mono.fromFuture(previous, true)
                    .then(send)
                    .doFinally(signal -> finished(chat, mine));
        });
    }

    private void finished(String chat, CompletableFuture<Void> mine) {
        synchronized (lastSendByChat) {
            lastSendByChat.remove(chat, mine);
        }
        mine.complete(null);
    }

    int chatsInFlight() {
        synchronized (lastSendByChat) {
            return lastSendByChat.size();
        }
    }
}
