package io.parley.user.profile;

import io.parley.user.account.AccountStore;
import io.parley.user.account.Username;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Profile reads (cached) and the owner's edits. */
@Service
public class Profiles {

    private final ProfileStore store;
    private final ProfileCache cache;
    private final AccountStore accounts;

    Profiles(ProfileStore store, ProfileCache cache, AccountStore accounts) {
        this.store = store;
        this.cache = cache;
        this.accounts = accounts;
    }

    public Mono<Profile> find(UUID userId) {
        return cache.get(userId)
                .switchIfEmpty(Mono.defer(() -> store.find(userId).flatMap(profile -> cache.put(profile).thenReturn(profile))));
    }

    /** By exact username (case-insensitive); empty for names that break the username rules. */
    public Mono<Profile> findByUsername(String username) {
        if (!Username.isValid(username)) {
            return Mono.empty();
        }
        return accounts.userIdOf(Username.normalize(username)).flatMap(this::find);
    }

    Mono<Profile> update(UUID userId, ProfileUpdate update) {
        return store.update(userId, update).then(cache.evict(userId)).then(store.find(userId));
    }
}
