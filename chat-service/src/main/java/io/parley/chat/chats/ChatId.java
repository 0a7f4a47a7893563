package io.parley.chat.chats;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A 1:1 chat's id, deterministic for the pair: {@code d:<lower user id>:<higher user id>} in
 * lexicographic order, so both users (and every service) name the chat the same way without a lookup.
 * User ids are user-service's UUIDs in canonical lower-case form, as access tokens carry them: one user has
 * exactly one spelling, so an upper-case copy of an id can never name a second chat (and inbox) of the pair.
 * A group chat's id is {@code g:<group id>} ({@link GroupChatIds}); its members are not in the id but in the chat's
 * own order (chat-service's group membership, docs/messaging-pipeline.md §12), so for a group chat
 * {@link #isMember} is false and {@link #members} empty: callers that act on a group's members ask
 * {@code GroupChatStore}, and everything else refuses a group chat as it refuses a non-member.
 */
public record ChatId(String value, String lowerUserId, String higherUserId) {

    private static final Pattern USER_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String DIRECT_PREFIX = "d:";
    private static final String GROUP_PREFIX = "g:";

    /** The chat of two distinct users. */
    public static ChatId direct(String userA, String userB) {
        requireUserId(userA);
        requireUserId(userB);
        int order = userA.compareTo(userB);
        if (order == 0) {
            throw new BadChatIdException("a direct chat needs two different users");
        }
        String lower = order < 0 ? userA : userB;
        String higher = order < 0 ? userB : userA;
        return new ChatId(DIRECT_PREFIX + lower + ":" + higher, lower, higher);
    }

    /** Parses a chat id as clients send it; throws {@link BadChatIdException} saying what is wrong. */
    public static ChatId parse(String value) {
        if (value == null || value.isEmpty()) {
            throw new BadChatIdException("chat id is empty");
        }
        if (value.startsWith(GROUP_PREFIX)) {
            if (!GroupChatIds.isGroupChat(value)) {
                throw new BadChatIdException("a group chat id is g:<group id>, a lower-case UUID");
            }
            return new ChatId(value, null, null);
        }
        if (!value.startsWith(DIRECT_PREFIX)) {
            throw new BadChatIdException("chat id must start with 'd:'");
        }
        int separator = value.indexOf(':', DIRECT_PREFIX.length());
        if (separator < 0) {
            throw new BadChatIdException("a direct chat id is d:<userId>:<userId>");
        }
        ChatId chat = direct(value.substring(DIRECT_PREFIX.length(), separator), value.substring(separator + 1));
        if (!chat.value().equals(value)) {
            throw new BadChatIdException("the user ids of a direct chat id must be in lexicographic order");
        }
        return chat;
    }

    public boolean isGroup() {
        return lowerUserId == null;
    }

    /** Whether {@code userId} is in this 1:1 chat; false for a group chat (see the class comment). */
    public boolean isMember(String userId) {
        return !isGroup() && (lowerUserId.equals(userId) || higherUserId.equals(userId));
    }

    /** The two users of a 1:1 chat; empty for a group chat (see the class comment). */
    public List<String> members() {
        return isGroup() ? List.of() : List.of(lowerUserId, higherUserId);
    }

    /** The members other than {@code userId} (for a 1:1 chat: the other user). */
    public List<String> membersOtherThan(String userId) {
        return members().stream().filter(member -> !member.equals(userId)).toList();
    }

    @Override
    public String toString() {
        return value;
    }

    private static void requireUserId(String userId) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new BadChatIdException("user ids in a chat id are UUIDs in lower case");
        }
    }
}
