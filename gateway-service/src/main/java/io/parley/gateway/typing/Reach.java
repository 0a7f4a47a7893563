package io.parley.gateway.typing;

/** Whether typing of one user may reach another. */
enum Reach {
    /** Neither blocks the other. */
    OPEN,
    /** One of them blocks the other: the other receives nothing. */
    BLOCKED,
    /** The other user has no account, so the chat does not exist. */
    UNKNOWN_USER
}
