package io.parley.presence.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.auth.verification.ParleyPrincipal;
import io.parley.presence.error.PresenceException;
import io.parley.presence.query.PresenceQuery;
import io.parley.proto.error.v1.ErrorReason;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v1/presence?users=<id>,<id>,...} (at most 256): the caller's first screen, before its WebSocket
 * subscriptions take over. Only users the caller may see are listed (docs/presence.md, privacy): a hidden user is
 * absent, exactly as if Parley knew nothing of them. Errors are RFC 9457 problem documents ({@link PresenceProblems}).
 */
@RestController
@RequestMapping("/v1/presence")
class PresenceController {

    /** One user's presence; {@code last_seen} is absent when unknown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserPresenceBody(String user, boolean online, Long last_seen) {
    }

    record PresenceBody(List<UserPresenceBody> users) {
    }

    private final PresenceQuery query;

    PresenceController(PresenceQuery query) {
        this.query = query;
    }

    @GetMapping
    Mono<PresenceBody> presence(@AuthenticationPrincipal ParleyPrincipal caller, @RequestParam String users) {
        List<String> ids = Arrays.stream(users.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
        if (ids.isEmpty() || ids.size() > PresenceQuery.MAX_USERS) {
            return Mono.error(new PresenceException(ErrorReason.INVALID_REQUEST,
                    "users must list 1.." + PresenceQuery.MAX_USERS + " user ids, separated by commas", null));
        }
        return query.presenceOf(caller.userId().toString(), ids)
                .filter(view -> view.visible())
                .map(view -> new UserPresenceBody(view.userId(), view.online(), view.lastSeenEpochMillis()))
                .collectList()
                .map(PresenceBody::new);
    }
}
