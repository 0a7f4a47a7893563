package io.parley.gateway.typing;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.gateway.chat.ChatMembershipClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * chat-service's answers to "is this user a member of this group chat now", cached briefly: a typing user sends a
 * frame every 3 s, and every receiver is checked when typing reaches it. The cache TTL bounds how long a removed
 * member keeps sending or receiving typing. A failed call is not cached, and fails the caller's decision closed.
 */
@Component
class Memberships {

    private record Key(String userId, String chat) {
    }

    private final ChatMembershipClient chats;
    private final AsyncCache<Key, Boolean> answers;

    Memberships(ChatMembershipClient chats, TypingSettings settings) {
        this.chats = chats;
        this.answers = Caffeine.newBuilder().expireAfterWrite(settings.membershipCacheTtl())
                .maximumSize(settings.membershipCacheSize()).buildAsync();
    }

    Mono<Boolean> isMember(String userId, String chat) {
        return Mono.fromFuture(() -> answers.get(new Key(userId, chat),
                (key, executor) -> chats.isMember(userId, chat).toFuture()));
    }
}
