package io.parley.chat.messages;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.chat.inbox.MessageResolver;
import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.MessageRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Resolves group messages' inbox references from {@code messages_by_chat}. A group message goes to up to 1,024
 * inboxes, and their live deliveries and syncs ask for it within moments of each other, so the messages read are
 * kept a short while: one read per message per instance instead of one per member. A stored message never changes,
 * so a cached one is never stale; only messages found are kept.
 */
final class StoredMessageResolver implements MessageResolver {

    private static final long REMEMBERED_MESSAGES = 20_000;
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(2);

    private record Key(String chatId, long seq) {
    }

    private final MessageStore messages;
    private final AsyncCache<Key, Optional<ChatMessage>> recent = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_MESSAGES).expireAfterWrite(REMEMBERED_FOR).buildAsync();

    StoredMessageResolver(MessageStore messages) {
        this.messages = messages;
    }

    @Override
    public CompletableFuture<List<InboxEntry>> resolve(List<InboxEntry> entries) {
        if (entries.stream().noneMatch(InboxEntry::hasMessageRef)) {
            return CompletableFuture.completedFuture(entries);
        }
        List<CompletableFuture<Optional<ChatMessage>>> reads = new ArrayList<>(entries.size());
        for (InboxEntry entry : entries) {
            reads.add(entry.hasMessageRef() ? read(entry.getMessageRef()) : CompletableFuture.completedFuture(Optional.empty()));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<InboxEntry> resolved = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                InboxEntry entry = entries.get(i);
                if (!entry.hasMessageRef()) {
                    resolved.add(entry);
                    continue;
                }
                Optional<ChatMessage> message = reads.get(i).join();
                if (message.isEmpty()) {
                    break;
                }
                resolved.add(entry.toBuilder().setMessage(message.get()).build());
            }
            return resolved;
        });
    }

    private CompletableFuture<Optional<ChatMessage>> read(MessageRef ref) {
        Key key = new Key(ref.getChatId(), ref.getSeq());
        CompletableFuture<Optional<ChatMessage>> read = recent.get(key,
                (ignored, executor) -> messages.one(ref.getChatId(), ref.getSeq()));
        return read.thenApply(found -> {
            if (found.isEmpty()) {
                recent.synchronous().invalidate(key);
            }
            return found.filter(message -> message.getMessageId().equals(ref.getMessageId()));
        });
    }
}
