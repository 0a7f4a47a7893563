package io.parley.chat.chats;

import io.parley.chat.error.ChatException;
import io.parley.chat.groups.GroupChatStore;
import io.parley.chat.groups.MemberSpan;
import io.parley.proto.error.v1.ErrorReason;
import io.parley.chat.users.Reach;
import io.parley.chat.users.UserDirectoryClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Who may do what in a chat: only members read or write it; a chat with a user who does not exist does not
 * exist either; a blocked pair cannot message each other.
 */
public final class ChatAuthorizer {

    private final UserDirectoryClient directory;
    private final GroupChatStore groups;

    public ChatAuthorizer(UserDirectoryClient directory, GroupChatStore groups) {
        this.directory = directory;
        this.groups = groups;
    }

    public static void requireMember(String userId, ChatId chat) {
        if (!chat.isMember(userId)) {
            throw new ChatException(ErrorReason.NOT_A_MEMBER, "you are not a member of this chat");
        }
    }

    /**
     * The user's span in a group chat if they are a member now; NOT_A_MEMBER otherwise. For a send this is the early
     * answer only: the chat's single writer decides membership at the message's place in the order, and refuses a
     * message whose sender was removed before it (messaging-pipeline §12). Blocks do not apply inside groups.
     */
    public CompletableFuture<MemberSpan> requireGroupMember(String userId, ChatId chat) {
        return groups.span(chat.value(), userId).thenApply(span -> span.filter(MemberSpan::current)
                .orElseThrow(() -> new ChatException(ErrorReason.NOT_A_MEMBER, "you are not a member of this group")));
    }

    /** The user's span in a group chat, current or ended (history stops at its end); NOT_A_MEMBER if never. */
    public CompletableFuture<MemberSpan> groupSpan(String userId, ChatId chat) {
        return groups.span(chat.value(), userId).thenApply(span -> span
                .orElseThrow(() -> new ChatException(ErrorReason.NOT_A_MEMBER, "you are not a member of this group")));
    }

    /**
     * Completes if {@code userId} may send to {@code chat}; fails with NOT_A_MEMBER (the sender is not in the
     * chat, or the other user does not exist, so neither does the chat), BLOCKED (either user blocks the other),
     * or USER_DIRECTORY_UNAVAILABLE (fails closed: no check, no send).
     */
    public CompletableFuture<Void> authorizeSend(String userId, ChatId chat) {
        if (chat.isGroup()) {
            return requireGroupMember(userId, chat).thenApply(span -> null);
        }
        requireMember(userId, chat);
        List<CompletableFuture<Reach>> checks = chat.membersOtherThan(userId).stream()
                .map(other -> directory.reach(userId, other))
                .toList();
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).thenRun(() -> {
            List<Reach> answers = checks.stream().map(CompletableFuture::join).toList();
            if (answers.contains(Reach.UNKNOWN_USER)) {
                throw new ChatException(ErrorReason.NOT_A_MEMBER, "this chat does not exist");
            }
            if (answers.contains(Reach.BLOCKED)) {
                throw new ChatException(ErrorReason.BLOCKED, "messages between you and this user are blocked");
            }
        });
    }
}
