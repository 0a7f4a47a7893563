package io.parley.gateway.typing;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A 1:1 chat id as docs/protocol.md defines it, {@code d:<lower user id>:<higher user id>}: enough for the gateway
 * to decide typing membership without asking chat-service (whose {@code ChatId} is the authority for sends).
 */
record DirectChat(String value, String lowerUserId, String higherUserId) {

    private static final Pattern DIRECT = Pattern.compile(
            "d:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    /** Throws {@link IllegalArgumentException} saying what is wrong with the id. */
    static DirectChat parse(String chat) {
        var match = DIRECT.matcher(chat);
        if (!match.matches() || match.group(1).compareTo(match.group(2)) >= 0) {
            throw new IllegalArgumentException("a direct chat id is d:<lower user id>:<higher user id>");
        }
        return new DirectChat(chat, match.group(1), match.group(2));
    }

    /** The other member, or empty if {@code userId} is not a member. */
    Optional<String> otherThan(String userId) {
        if (lowerUserId.equals(userId)) {
            return Optional.of(higherUserId);
        }
        return higherUserId.equals(userId) ? Optional.of(lowerUserId) : Optional.empty();
    }
}
