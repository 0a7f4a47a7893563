package io.parley.bench.device;

/** The 1:1 chat id of two users: {@code d:<lower>:<higher>} (docs/messaging-pipeline.md). */
public final class DirectChat {

    private DirectChat() {
    }

    public static String of(String userA, String userB) {
        return userA.compareTo(userB) < 0 ? "d:" + userA + ":" + userB : "d:" + userB + ":" + userA;
    }
}
