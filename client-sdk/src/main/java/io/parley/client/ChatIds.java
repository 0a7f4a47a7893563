package io.parley.client;

import java.util.Objects;

/** Chat ids clients compute themselves. */
public final class ChatIds {

    private ChatIds() {
    }

    /**
     * The id of the 1:1 chat between two users: {@code d:<lower id>:<higher id>} (lexicographic order), the same
     * whichever of the two computes it.
     */
    public static String direct(String userA, String userB) {
        Objects.requireNonNull(userA, "userA");
        Objects.requireNonNull(userB, "userB");
        if (userA.equals(userB)) {
            throw new IllegalArgumentException("a direct chat needs two different users");
        }
        if (userA.indexOf(':') >= 0 || userB.indexOf(':') >= 0) {
            throw new IllegalArgumentException("user ids must not contain ':'");
        }
        return userA.compareTo(userB) < 0 ? "d:" + userA + ":" + userB : "d:" + userB + ":" + userA;
    }
}
