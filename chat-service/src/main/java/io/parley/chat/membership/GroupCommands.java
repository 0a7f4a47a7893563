package io.parley.chat.membership;

import io.parley.chat.chats.GroupChatIds;
import io.parley.chat.error.ChatException;
import io.parley.chat.groups.GroupChatStore;
import io.parley.chat.groups.GroupMembership;
import io.parley.chat.groups.StoredOutcome;
import io.parley.chat.ids.IdUnavailableException;
import io.parley.chat.ids.MessageIds;
import io.parley.chat.send.MessageSubmitter;
import io.parley.proto.chat.v1.ChangeMembershipRequest;
import io.parley.proto.chat.v1.ChangeMembershipResponse;
import io.parley.proto.chat.v1.GroupMember;
import io.parley.proto.chat.v1.MembershipChange;
import io.parley.proto.chat.v1.MessageSubmitted;
import io.parley.proto.error.v1.ErrorReason;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * ChangeMembership: puts a membership command into the group chat's order (topic {@code messages}, key = chat id)
 * and answers with what the chat's single writer decided, read from the stored outcome. The wait polls that one
 * row, backing off from 10 ms to 200 ms: a membership change is rare, and whichever pod consumes the chat's
 * partition decides it, so there is nobody in this process to be told. After {@link #DECISION_WAIT} the call fails
 * UNAVAILABLE; the command may still be decided, and a retry with the same command id finds its outcome.
 */
final class GroupCommands {

    /** Beyond a Kafka hop and a consumer batch on a loaded box; the caller's own deadline is shorter or equal. */
    static final Duration DECISION_WAIT = Duration.ofSeconds(10);
    static final int MAX_TARGETS = 1024;
    static final int MAX_DETAILS_BYTES = 4096;
    private static final Pattern COMMAND_ID = Pattern.compile("[\\x21-\\x7e]{1,64}");

    private final MessageIds ids;
    private final MessageSubmitter submitter;
    private final GroupChatStore groups;
    private final Clock clock;

    GroupCommands(MessageIds ids, MessageSubmitter submitter, GroupChatStore groups, Clock clock) {
        this.ids = ids;
        this.submitter = submitter;
        this.groups = groups;
        this.clock = clock;
    }

    CompletableFuture<ChangeMembershipResponse> change(ChangeMembershipRequest request) {
        validate(request);
        long messageId;
        try {
            messageId = ids.next();
        } catch (IdUnavailableException noId) {
            throw new ChatException(ErrorReason.STORAGE_UNAVAILABLE, noId.getMessage());
        }
        MessageSubmitted record = MessageSubmitted.newBuilder()
                .setMessageId(Long.toString(messageId))
                .setChatId(request.getChatId())
                .setSenderUserId(request.getActorUserId())
                .setClientMsgId(request.getCommandId())
                .setSubmittedAtEpochMillis(clock.millis())
                .setMembership(request.getCommand())
                .build();
        long deadline = System.nanoTime() + DECISION_WAIT.toNanos();
        return submitter.submit(record, null)
                .thenCompose(produced -> awaitOutcome(request.getChatId(), request.getCommandId(), deadline, 10))
                .thenCompose(outcome -> groups.members(request.getChatId()).thenApply(members -> answer(outcome, members)));
    }

    private CompletableFuture<StoredOutcome> awaitOutcome(String chatId, String commandId, long deadline, long pauseMillis) {
        return groups.outcome(chatId, commandId).thenCompose(found -> {
            if (found.isPresent()) {
                return CompletableFuture.completedFuture(found.get());
            }
            if (System.nanoTime() > deadline) {
                return CompletableFuture.failedFuture(new ChatException(ErrorReason.STORAGE_UNAVAILABLE,
                        "the command is not decided yet; retry with the same command_id"));
            }
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(pauseMillis, TimeUnit.MILLISECONDS))
                    .thenCompose(waited -> awaitOutcome(chatId, commandId, deadline, Math.min(200, pauseMillis * 2)));
        });
    }

    private static ChangeMembershipResponse answer(StoredOutcome outcome, List<GroupMembership.Member> members) {
        ChangeMembershipResponse.Builder answer = ChangeMembershipResponse.newBuilder().setSeq(outcome.seq());
        Optional.ofNullable(outcome.refused()).ifPresent(answer::setRefused);
        members.forEach(member -> answer.addMembers(GroupMember.newBuilder().setUserId(member.userId())
                .setAdmin(member.admin()).setJoinedSeq(member.joinedSeq())));
        return answer.build();
    }

    private static void validate(ChangeMembershipRequest request) {
        if (!GroupChatIds.isGroupChat(request.getChatId())) {
            throw new ChatException(ErrorReason.BAD_CHAT_ID, "chat_id must be g:<lower-case group uuid>");
        }
        if (!COMMAND_ID.matcher(request.getCommandId()).matches()) {
            throw new ChatException(ErrorReason.INVALID_REQUEST, "command_id must be 1..64 printable ASCII characters");
        }
        requireUserId("actor_user_id", request.getActorUserId());
        request.getCommand().getTargetUserIdsList().forEach(target -> requireUserId("target_user_ids", target));
        if (request.getCommand().getChange() == MembershipChange.MEMBERSHIP_CHANGE_UNSPECIFIED
                || request.getCommand().getTargetUserIdsCount() > MAX_TARGETS
                || request.getCommand().getDetails().size() > MAX_DETAILS_BYTES
                || request.getCommand().getMaxMembers() < 1) {
            throw new ChatException(ErrorReason.INVALID_REQUEST,
                    "a command needs a change, at most " + MAX_TARGETS + " targets, max_members and details of at most "
                            + MAX_DETAILS_BYTES + " bytes");
        }
    }

    private static void requireUserId(String field, String value) {
        try {
            if (UUID.fromString(value).toString().equals(value)) {
                return;
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw new ChatException(ErrorReason.MALFORMED_ID, field + " is not a lower-case UUID", Map.of("field", field), null);
    }
}
