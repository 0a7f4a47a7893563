package io.parley.group.invites;

import io.parley.group.groups.GroupLimits;
import io.parley.group.groups.Groups;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class InvitesConfiguration {

    @Bean
    InviteLinks inviteLinks(InviteStore store, Groups groups, ReactiveStringRedisTemplate redis, GroupLimits limits, Clock clock) {
        return new InviteLinks(store, groups, new JoinRateLimit(redis, limits, clock), clock);
    }
}
