package io.parley.group.groups;

import io.parley.group.chats.ChatMembershipClient;
import io.parley.group.media.Avatars;
import io.parley.group.users.UserDirectoryClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GroupsConfiguration {

    @Bean
    Groups groups(GroupStore store, ChatMembershipClient chats, UserDirectoryClient directory, Avatars avatars,
            GroupLimits limits, Clock clock) {
        return new Groups(store, chats, directory, avatars, limits, clock);
    }
}
