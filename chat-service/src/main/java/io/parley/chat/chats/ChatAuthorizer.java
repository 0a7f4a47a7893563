package io.parley.chat.chats;

import io.parley.chat.error.ChatException;
import io.parley.proto.error.v1.ErrorReason;
import io.parley.chat.users.UserDirectoryClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Who may do what in a chat: only members read or write it; a blocked pair cannot message each other. */
public final class ChatAuthorizer {

    private final UserDirectoryClient directory;

    public ChatAuthorizer(UserDirectoryClient directory) {
        this.directory = directory;
    }

    public static void requireMember(String userId, ChatId chat) {
        if (!chat.isMember(userId)) {
            throw new ChatException(ErrorReason.NOT_A_MEMBER, "you are not a member of this chat");
        }
    }

    /**
     * Completes if {@code userId} may send to {@code chat}; fails with NOT_A_MEMBER, BLOCKED (either user
     * blocks the other), or USER_DIRECTORY_UNAVAILABLE (fails closed: no block check, no send).
     */
    public CompletableFuture<Void> authorizeSend(String userId, ChatId chat) {
        requireMember(userId, chat);
        List<CompletableFuture<Boolean>> checks = chat.membersOtherThan(userId).stream()
                .map(other -> directory.eitherBlocks(userId, other))
                .toList();
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).thenRun(() -> {
            if (checks.stream().anyMatch(CompletableFuture::join)) {
                throw new ChatException(ErrorReason.BLOCKED, "messages between you and this user are blocked");
            }
        });
    }
}
