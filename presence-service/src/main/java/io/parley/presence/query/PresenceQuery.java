package io.parley.presence.query;

import io.parley.presence.error.PresenceException;
import io.parley.presence.lastseen.LastSeenStore;
import io.parley.presence.live.LiveState;
import io.parley.presence.privacy.PresencePrivacy;
import io.parley.proto.error.v1.ErrorReason;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The presence of a list of users as one viewer may see it (gRPC GetPresence for gateways, REST for a client's first
 * screen): privacy first, then Redis's live state, then Cassandra for a last seen Redis does not have.
 */
@Component
public class PresenceQuery {

    /** The most users one question may name (a connection watches at most as many). */
    public static final int MAX_USERS = 256;
    private static final int CONCURRENCY = 16;

    private final PresencePrivacy privacy;
    private final LiveState live;
    private final LastSeenStore lastSeen;

    PresenceQuery(PresencePrivacy privacy, LiveState live, LastSeenStore lastSeen) {
        this.privacy = privacy;
        this.live = live;
        this.lastSeen = lastSeen;
    }

    /** One view per distinct user, in the order given. */
    public Flux<UserPresenceView> presenceOf(String viewer, List<String> users) {
        return Flux.fromIterable(users).distinct()
                .flatMapSequential(user -> mayView(viewer, user)
                        .flatMap(visible -> visible ? stateOf(user) : Mono.just(UserPresenceView.hidden(user))), CONCURRENCY);
    }

    private Mono<Boolean> mayView(String viewer, String user) {
        return privacy.mayView(viewer, user).onErrorMap(failure -> new PresenceException(
                ErrorReason.USER_DIRECTORY_UNAVAILABLE, "user-service did not answer; retry with backoff", failure));
    }

    private Mono<UserPresenceView> stateOf(String user) {
        return live.view(user)
                .flatMap(view -> view.lastSeenEpochMillis() != null
                        ? Mono.just(new UserPresenceView(user, true, view.online(), view.lastSeenEpochMillis()))
                        : lastSeen.find(user).map(stored -> new UserPresenceView(user, true, view.online(), stored))
                                .defaultIfEmpty(new UserPresenceView(user, true, view.online(), null)))
                .onErrorMap(failure -> !(failure instanceof PresenceException), failure -> new PresenceException(
                        ErrorReason.STORAGE_UNAVAILABLE, "presence storage did not answer; retry with backoff", failure));
    }
}
