package io.parley.group.invites;

import io.parley.group.error.GroupException;
import io.parley.group.groups.GroupDetails;
import io.parley.group.groups.Groups;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The WhatsApp pattern: an admin creates (or replaces) and revokes a group's one invite link; anyone holding a live
 * token joins, up to the member cap, at most {@code joins-per-window} attempts per user. A revoked or unknown token,
 * and the link of a closed group, are NOT_FOUND alike.
 */
public class InviteLinks {

    private final InviteStore store;
    private final Groups groups;
    private final JoinRateLimit rateLimit;
    private final Clock clock;

    InviteLinks(InviteStore store, Groups groups, JoinRateLimit rateLimit, Clock clock) {
        this.store = store;
        this.groups = groups;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    /** A new link for the group, replacing (revoking) any previous one; admins only. */
    public Mono<InviteLink> create(UUID caller, UUID groupId) {
        return groups.asAdmin(groupId, caller, "manage invite links")
                .flatMap(access -> {
                    InviteLink link = new InviteLink(groupId, InviteTokens.next(), caller, clock.instant());
                    return store.replace(link).thenReturn(link);
                });
    }

    /** The group's live link, if any; admins only. */
    public Mono<InviteLink> current(UUID caller, UUID groupId) {
        return groups.asAdmin(groupId, caller, "manage invite links")
                .flatMap(access -> store.byGroup(groupId))
                .switchIfEmpty(Mono.error(GroupException::noSuchInvite));
    }

    public Mono<Void> revoke(UUID caller, UUID groupId) {
        return groups.asAdmin(groupId, caller, "manage invite links").flatMap(access -> store.revoke(groupId));
    }

    /** Joins the caller to the token's group; joining a group one is already in changes nothing. */
    public Mono<GroupDetails> join(UUID caller, String token) {
        return rateLimit.take(caller)
                .then(Mono.defer(() -> InviteTokens.wellFormed(token) ? store.byToken(token) : Mono.<InviteLink>empty()))
                .switchIfEmpty(Mono.error(GroupException::noSuchInvite))
                .flatMap(link -> groups.admit(link.groupId(), caller));
    }
}
