package io.parley.chat.receipts;

import io.parley.chat.chats.ChatId;
import io.parley.chat.users.Reach;
import io.parley.chat.users.UserDirectoryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who gets a member's receipt in a chat: the other members, except where either side blocks the other (a blocked
 * user learns nothing of what the blocker received or read). The answers are user-service's block checks, cached
 * as for sends. If the directory cannot answer, the receipt goes to nobody: watermarks are cumulative, so the
 * next receipt in the chat covers this one.
 */
final class ReceiptRecipients {

    private static final Logger log = LoggerFactory.getLogger(ReceiptRecipients.class);

    private final UserDirectoryClient directory;

    ReceiptRecipients(UserDirectoryClient directory) {
        this.directory = directory;
    }

    CompletableFuture<List<String>> of(ChatId chat, String userId) {
        List<String> others = chat.membersOtherThan(userId);
        List<CompletableFuture<Reach>> reaches = new ArrayList<>(others.size());
        for (String other : others) {
            reaches.add(directory.reach(userId, other));
        }
        return CompletableFuture.allOf(reaches.toArray(CompletableFuture[]::new))
                .thenApply(answered -> {
                    List<String> recipients = new ArrayList<>(others.size());
                    for (int i = 0; i < others.size(); i++) {
                        if (reaches.get(i).join() == Reach.ALLOWED) {
                            recipients.add(others.get(i));
                        }
                    }
                    return recipients;
                })
                .exceptionally(failure -> {
                    log.warn("No receipt in chat_id={}: blocks unknown ({})", chat, failure.toString());
                    return List.of();
                });
    }
}
