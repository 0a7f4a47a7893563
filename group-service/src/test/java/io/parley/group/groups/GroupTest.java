package io.parley.group.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GroupTest {

    private final Group group = new Group(UUID.randomUUID(), "Name", "About", "media", Permission.ALL, Permission.ALL,
            UUID.randomUUID(), Instant.EPOCH, false);

    @Test
    void anAbsentFieldStaysAndAnEmptyOneIsCleared() {
        Group changed = group.withInfo(new InfoChange(null, "", null));

        assertThat(changed.name()).isEqualTo("Name");
        assertThat(changed.description()).isNull();
        assertThat(changed.avatarMediaId()).isEqualTo("media");
    }

    @Test
    void theChatOfAGroupIsItsIdWithTheGroupPrefix() {
        assertThat(group.chatId()).isEqualTo("g:" + group.id());
    }
}
