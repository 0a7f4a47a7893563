package io.parley.group.groups;

import java.util.List;
import java.util.UUID;

/** What a creator asks for: the info, the settings and the other first members (the creator is the first admin). */
public record NewGroup(String name, String description, String avatarMediaId, Permission editInfo, Permission send,
        List<UUID> members) {
}
