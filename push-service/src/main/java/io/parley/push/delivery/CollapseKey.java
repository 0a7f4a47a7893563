package io.parley.push.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The collapse key of a chat, short enough for every platform: a direct chat id is 76 characters, while APNs'
 * {@code apns-collapse-id} takes at most 64 bytes and Web Push's {@code Topic} at most 32 base64url characters.
 * The first 128 bits of the id's SHA-256, base64url (22 characters): distinct chats never share one in practice,
 * and the key does not reveal who is in the chat.
 */
final class CollapseKey {

    private CollapseKey() {
    }

    static String of(String chatId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(chatId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
