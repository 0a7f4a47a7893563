package io.parley.group.groups;

import java.time.Instant;
import java.util.UUID;

/**
 * A group's info and settings. Its chat in chat-service is {@link #chatId()}. A closed group (its last member left)
 * is gone for every caller.
 */
public record Group(UUID id, String name, String description, String avatarMediaId, Permission editInfo,
        Permission send, UUID createdBy, Instant createdAt, boolean closed) {

    public static final String CHAT_PREFIX = "g:";

    public String chatId() {
        return CHAT_PREFIX + id;
    }

    Group withInfo(InfoChange change) {
        return new Group(id, change.name() != null ? change.name() : name, changed(description, change.description()),
                changed(avatarMediaId, change.avatarMediaId()), editInfo, send, createdBy, createdAt, closed);
    }

    /** null keeps {@code current}; an empty value clears it. */
    private static String changed(String current, String requested) {
        if (requested == null) {
            return current;
        }
        return requested.isEmpty() ? null : requested;
    }

    Group asClosed() {
        return new Group(id, name, description, avatarMediaId, editInfo, send, createdBy, createdAt, true);
    }

    Group withSettings(Permission editInfo, Permission send) {
        return new Group(id, name, description, avatarMediaId, editInfo, send, createdBy, createdAt, closed);
    }
}
