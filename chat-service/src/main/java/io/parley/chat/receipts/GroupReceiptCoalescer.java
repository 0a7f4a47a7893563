package io.parley.chat.receipts;

import io.parley.chat.groups.GroupChatStore;
import io.parley.chat.groups.MembershipTimeline;
import io.parley.chat.inbox.InboxPublisher;
import io.parley.chat.messages.MessageHead;
import io.parley.chat.messages.MessageStore;
import io.parley.chat.users.UserDirectoryClient;
import io.parley.protocol.Protocol;
import io.parley.proto.chat.v1.GroupReceipt;
import io.parley.proto.chat.v1.MessageReceiptCounts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Group receipts to senders, coalesced (docs/messaging-pipeline.md §6, "Group receipts"). An ack or a read in a group
 * chat only moves the member's watermark and notes the range of seqs whose counts it changed here ({@link #changed}:
 * O(1)). Once per interval, per chat noted, the counts of the messages in the noted range are computed ONCE from every
 * member's watermarks, and each sender with messages in the range gets ONE inbox entry with their messages' counts.
 * So an ack never costs O(members); a chat costs one count per interval however many members acked.
 *
 * <p>What is noted lives in this instance's memory only: the watermarks are durable, the counts are a view of them.
 * A crash between an ack and the next flush loses that update; the chat's next receipt (or the REST list) shows the
 * counts again. A flush that fails notes its range again for the next interval.
 */
final class GroupReceiptCoalescer implements SmartLifecycle {

    /** The newest seqs of a noted range that get counts (a member who reads a long backlog moves many at once). */
    static final int MAX_RANGE = 1_000;

    private static final Logger log = LoggerFactory.getLogger(GroupReceiptCoalescer.class);

    private final MessageStore messages;
    private final GroupChatStore groups;
    private final ReceiptStore receipts;
    private final UserDirectoryClient directory;
    private final InboxPublisher publisher;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, Range> noted = new ConcurrentHashMap<>();
    private volatile Disposable ticks;

    /** Seqs {@code after < seq <= upTo} whose counts may have changed. */
    record Range(long after, long upTo) {

        Range merge(Range other) {
            return new Range(Math.min(after, other.after), Math.max(upTo, other.upTo));
        }
    }

    GroupReceiptCoalescer(MessageStore messages, GroupChatStore groups, ReceiptStore receipts, UserDirectoryClient directory,
            InboxPublisher publisher, Duration interval, Clock clock) {
        this.messages = messages;
        this.groups = groups;
        this.receipts = receipts;
        this.directory = directory;
        this.publisher = publisher;
        this.interval = interval;
        this.clock = clock;
    }

    /** A member's watermark of {@code chatId} moved from {@code after} to {@code upTo}. */
    void changed(String chatId, long after, long upTo) {
        if (upTo > after) {
            noted.merge(chatId, new Range(after, upTo), Range::merge);
        }
    }

    /** Counts and publishes every chat noted so far (the periodic flush; tests call it directly too). */
    CompletableFuture<Void> flush() {
        List<CompletableFuture<Void>> chats = new ArrayList<>();
        for (String chatId : List.copyOf(noted.keySet())) {
            Range range = noted.remove(chatId);
            if (range != null) {
                chats.add(flush(chatId, range).exceptionally(failure -> {
                    log.warn("Group receipt counts of chat_id={} not sent; retried next interval: {}", chatId, failure.toString());
                    changed(chatId, range.after(), range.upTo());
                    return null;
                }));
            }
        }
        return CompletableFuture.allOf(chats.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> flush(String chatId, Range range) {
        long after = Math.max(range.after(), range.upTo() - MAX_RANGE);
        return messages.heads(chatId, after, range.upTo()).thenCompose(heads -> {
            if (heads.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            return groups.timeline(chatId).thenCombine(receipts.all(chatId), Loaded::new)
                    .thenCompose(loaded -> readVisibility(loaded, heads.get(0).seq())
                            .thenCompose(visible -> publish(chatId, GroupReceiptCounting.bySender(heads, loaded.timeline(),
                                    loaded.timeline().users(), loaded.watermarks(),
                                    user -> visible.getOrDefault(user, false), Protocol.MAX_RECEIPT_COUNTS))));
        });
    }

    private record Loaded(MembershipTimeline timeline, Map<String, ReceiptStore.Watermarks> watermarks) {
    }

    /**
     * Whether each member who read at least the range's first message lets others see it. If user-service cannot say,
     * the flush fails and its range is noted again: counts sent with a reader wrongly hidden would stay wrong until
     * the chat's next receipt.
     */
    private CompletableFuture<Map<String, Boolean>> readVisibility(Loaded loaded, long firstSeq) {
        Map<String, CompletableFuture<Boolean>> asked = new HashMap<>();
        loaded.watermarks().forEach((user, marks) -> {
            if (marks.read(firstSeq)) {
                asked.put(user, directory.readReceiptsEnabled(user));
            }
        });
        return CompletableFuture.allOf(asked.values().toArray(CompletableFuture[]::new)).thenApply(answered -> {
            Map<String, Boolean> visible = new HashMap<>();
            asked.forEach((user, answer) -> visible.put(user, answer.join()));
            return visible;
        });
    }

    private CompletableFuture<Void> publish(String chatId, Map<String, List<MessageReceiptCounts>> bySender) {
        long now = clock.millis();
        List<CompletableFuture<Void>> sent = new ArrayList<>(bySender.size());
        bySender.forEach((sender, counts) -> sent.add(publisher.groupReceipt(sender, GroupReceipt.newBuilder()
                .setChatId(chatId).addAllMessages(counts).setAtEpochMillis(now).build())));
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    @Override
    public void start() {
        ticks = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromFuture(this::flush).onErrorResume(failure -> {
                    log.warn("Group receipt flush failed: {}", failure.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = ticks;
        if (running != null) {
            running.dispose();
            ticks = null;
        }
    }

    @Override
    public boolean isRunning() {
        return ticks != null;
    }
}
