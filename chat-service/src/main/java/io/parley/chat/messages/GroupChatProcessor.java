package io.parley.chat.messages;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.observation.Observation;
import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.groups.GroupCandidate;
import io.parley.chat.groups.GroupChatStore;
import io.parley.chat.groups.GroupDecision;
import io.parley.chat.groups.GroupEvents;
import io.parley.chat.groups.GroupInfo;
import io.parley.chat.groups.GroupMembership;
import io.parley.chat.groups.GroupRecord;
import io.parley.chat.groups.GroupRole;
import io.parley.chat.groups.GroupSequencing;
import io.parley.chat.groups.RoleChange;
import io.parley.chat.groups.StoredOutcome;
import io.parley.chat.inbox.InboxPublisher;
import io.parley.chat.kafka.KeyedBatch.Keyed;
import io.parley.chat.sequencing.BatchSequencer;
import io.parley.chat.sequencing.StoredItem;
import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.MessageSubmitted;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one group chat's records of a batch of topic {@code messages} (docs/messaging-pipeline.md, "Groups"):
 * messages and membership commands in record order, each decided against the membership after every record before
 * it ({@link GroupSequencing}). Waves per chat: read the mark, the membership log and every record's stored outcome
 * (and a message's rows); write every applied record's rows, membership changes and chat lists; produce one inbox
 * reference per member at its seq (no body: sync resolves it); store the outcomes of commands and refused messages
 * (after the rest, so whoever waits for an outcome finds the membership written); raise the mark.
 */
final class GroupChatProcessor {

    private static final Logger log = LoggerFactory.getLogger(GroupChatProcessor.class);
    private static final long REMEMBERED_MEMBERS = 1_000_000;

    private final BatchSequencer chatSequences;
    private final MessageStore messages;
    private final GroupChatStore groups;
    private final ChatListStore chatLists;
    private final InboxPublisher inbox;
    private final SequencingMetrics metrics;
    private final Clock clock;
    /** Weighed by members: at most about a million remembered members (≈ 100 MB at the worst), whatever the groups. */
    private final Cache<String, RememberedMembership> remembered = Caffeine.newBuilder()
            .maximumWeight(REMEMBERED_MEMBERS)
            .weigher((String chat, RememberedMembership known) -> 1 + known.membership().members().size())
            .build();

    private record RememberedMembership(long seq, GroupMembership membership) {
    }

    GroupChatProcessor(BatchSequencer chatSequences, MessageStore messages, GroupChatStore groups,
            ChatListStore chatLists, InboxPublisher inbox, SequencingMetrics metrics, Clock clock) {
        this.chatSequences = chatSequences;
        this.messages = messages;
        this.groups = groups;
        this.chatLists = chatLists;
        this.inbox = inbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The chat's records in partition order; yields the seqs of the records applied. */
    CompletableFuture<List<Long>> process(String chatId, List<Keyed<MessageSubmitted>> records) {
        CompletableFuture<Long> mark = chatSequences.mark(chatId);
        List<CompletableFuture<GroupCandidate>> candidates = records.stream().map(record -> candidate(chatId, record.payload())).toList();
        CompletableFuture<?> lookups = CompletableFuture.allOf(candidates.toArray(CompletableFuture[]::new));
        boolean commands = records.stream().anyMatch(record -> record.payload().hasMembership());
        return mark.thenCompose(startSeq -> membershipAfter(chatId, startSeq)
                .thenCombine(lookups, (membership, found) -> new Start(startSeq, membership,
                        GroupSequencing.assign(startSeq, membership, candidates.stream().map(CompletableFuture::join).toList())))
                .thenCombine(commands ? groups.info(chatId) : CompletableFuture.completedFuture(null), Start::withInfo)
                .thenCompose(start -> store(chatId, records, start)
                        .thenCompose(applied -> chatSequences.finish(chatId, startSeq, start.decided().lastSeq())
                                .thenApply(finished -> {
                                    remember(chatId, start.decided());
                                    return applied;
                                }))));
    }

    /**
     * A batch as decided: the chat's mark and membership before it, the decisions, and (only in a batch with membership
     * commands, which may add members or change the info) the group's info before it; null otherwise.
     */
    private record Start(long startSeq, GroupMembership membership, GroupSequencing decided, GroupInfo info) {

        Start(long startSeq, GroupMembership membership, GroupSequencing decided) {
            this(startSeq, membership, decided, null);
        }

        Start withInfo(GroupInfo known) {
            return new Start(startSeq, membership, decided, known);
        }
    }

    /**
     * The membership after {@code seq}: remembered from this writer's previous batch of the chat if that ended at
     * {@code seq}, else folded from the log. The membership after a seq never changes once the seq is given (seqs are
     * never reused), so a remembered one is right whoever wrote since: it needs no forgetting on rebalance.
     */
    private CompletableFuture<GroupMembership> membershipAfter(String chatId, long seq) {
        RememberedMembership known = remembered.getIfPresent(chatId);
        return known != null && known.seq() == seq
                ? CompletableFuture.completedFuture(known.membership())
                : groups.membershipAfter(chatId, seq);
    }

    private void remember(String chatId, GroupSequencing decided) {
        GroupMembership last = decided.after().isEmpty() ? null : decided.after().get(decided.after().size() - 1);
        if (last != null) {
            remembered.put(chatId, new RememberedMembership(decided.lastSeq(), last));
        }
    }

    private CompletableFuture<GroupCandidate> candidate(String chatId, MessageSubmitted submitted) {
        if (submitted.hasMembership()) {
            return groups.outcome(chatId, submitted.getClientMsgId()).thenApply(outcome -> new GroupCandidate(
                    new GroupRecord.Command(submitted.getClientMsgId(), submitted.getSenderUserId(), submitted.getMembership()),
                    outcome, Optional.empty()));
        }
        CompletableFuture<Optional<StoredOutcome>> outcome = groups.outcome(chatId, submitted.getMessageId());
        CompletableFuture<Optional<StoredItem>> stored = messages.lookup(Long.parseLong(submitted.getMessageId()),
                submitted.getSenderUserId(), submitted.getClientMsgId());
        return outcome.thenCombine(stored, (refusal, rows) -> new GroupCandidate(new GroupRecord.Message(submitted.getMessageId(),
                submitted.getSenderUserId() + '/' + submitted.getClientMsgId(), submitted.getSenderUserId()), refusal, rows));
    }

    private CompletableFuture<List<Long>> store(String chatId, List<Keyed<MessageSubmitted>> records, Start start) {
        long startSeq = start.startSeq();
        GroupSequencing decided = start.decided();
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        List<CompletableFuture<Void>> outcomes = new ArrayList<>();
        List<InboxPublisher.Addressed> deliveries = new ArrayList<>();
        Map<String, ChatMessage> latestByRecipient = new LinkedHashMap<>();
        Map<String, Long> ownLatest = new HashMap<>();
        List<Long> applied = new ArrayList<>();
        GroupInfo info = start.info();
        long infoSeq = 0;
        for (int i = 0; i < records.size(); i++) {
            MessageSubmitted submitted = records.get(i).payload();
            Observation parent = records.get(i).observation();
            GroupDecision decision = decided.decisions().get(i);
            if (decision instanceof GroupDecision.Refused refused && refused.fresh()) {
                String item = submitted.hasMembership() ? submitted.getClientMsgId() : submitted.getMessageId();
                log.info("Refused in group chat_id={} item={} reason={}", chatId, item, refused.reason());
                outcomes.add(groups.writeOutcome(chatId, item, 0, refused.reason()));
            }
            if (decision instanceof GroupDecision.Superseded) {
                metrics.superseded();
            }
            if (!(decision instanceof GroupDecision.Applied done) || done.seq() <= startSeq) {
                continue;
            }
            if (done.fresh()) {
                metrics.stored(submitted.getSubmittedAtEpochMillis(), clock.millis());
            } else {
                metrics.redelivered();
            }
            GroupMembership before = i == 0 ? start.membership() : decided.after().get(i - 1);
            GroupMembership after = decided.after().get(i);
            ChatMessage message = submitted.hasMembership()
                    ? GroupEvents.systemMessage(submitted, done.seq(), done.changes())
                    : MessageProcessor.message(submitted, done.seq());
            writes.add(messages.write(message));
            if (submitted.hasMembership()) {
                writes.add(groups.writeChanges(chatId, done.seq(), done.changes(), done.sendAdminsOnly(), after));
                outcomes.add(groups.writeOutcome(chatId, submitted.getClientMsgId(), done.seq(), null));
                writes.addAll(unreadFromJoining(chatId, done, before));
                if (info != null && GroupInfo.carriesInfo(submitted)) {
                    info = info.after(submitted);
                    infoSeq = done.seq();
                }
            } else {
                ownLatest.merge(submitted.getSenderUserId(), done.seq(), Math::max);
            }
            Set<String> recipients = new LinkedHashSet<>(after.members().keySet());
            done.changes().stream().filter(change -> change.role() == GroupRole.NONE).map(RoleChange::userId)
                    .forEach(recipients::add);
            deliveries.add(new InboxPublisher.Addressed(message, recipients, parent));
            recipients.forEach(user -> latestByRecipient.put(user, message));
            applied.add(done.seq());
        }
        if (infoSeq > 0) {
            writes.add(groups.writeInfo(chatId, infoSeq, info));
        }
        GroupInfo shown = info;
        latestByRecipient.forEach((user, latest) -> {
            writes.add(shown == null ? chatLists.recordMessage(user, latest)
                    : chatLists.recordGroupMessage(user, latest, shown.name(), shown.avatarMediaId()));
            Long own = ownLatest.get(user);
            if (own != null && !user.equals(latest.getSenderUserId())) {
                writes.add(chatLists.markRead(user, chatId, own));
            }
        });
        // References only once the rows they point to are written: a member's sync resolves every one it gets.
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                .thenCompose(written -> inbox.references(deliveries))
                .thenCompose(referenced -> CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)))
                .thenApply(done -> applied);
    }

    /**
     * A member's unread count starts at their joining: their chat-list read watermark is set just below the system
     * message that made them a member (USING TIMESTAMP of that value: a higher watermark from an earlier membership
     * stays).
     */
    private List<CompletableFuture<Void>> unreadFromJoining(String chatId, GroupDecision.Applied done, GroupMembership before) {
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (RoleChange change : done.changes()) {
            if (change.role() != GroupRole.NONE && !before.isMember(change.userId()) && done.seq() > 1) {
                writes.add(chatLists.markRead(change.userId(), chatId, done.seq() - 1));
            }
        }
        return writes;
    }
}
