package io.parley.group.groups;

import io.parley.group.members.MemberStore;
import io.parley.group.users.UserDirectoryClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GroupsConfiguration {

    @Bean
    Groups groups(GroupStore store, MemberStore members, UserDirectoryClient directory, GroupLimits limits, Clock clock) {
        return new Groups(store, members, directory, limits, clock);
    }
}
