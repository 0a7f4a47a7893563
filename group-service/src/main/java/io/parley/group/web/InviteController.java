package io.parley.group.web;

import io.parley.auth.verification.ParleyPrincipal;
import io.parley.group.groups.GroupIds;
import io.parley.group.invites.InviteLinks;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Invite links (docs/groups.md): an admin creates, reads and revokes a group's link; anyone holding its token joins
 * with {@code POST /v1/groups/join} (the token travels in the body, never in a URL that logs keep).
 */
@RestController
class InviteController {

    private final InviteLinks links;

    InviteController(InviteLinks links) {
        this.links = links;
    }

    @PostMapping("/v1/groups/{groupId}/invite-link")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<GroupViews.InviteLinkView> create(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String groupId) {
        return Mono.defer(() -> links.create(caller.userId(), GroupIds.parse("group_id", groupId))).map(GroupViews::of);
    }

    @GetMapping("/v1/groups/{groupId}/invite-link")
    Mono<GroupViews.InviteLinkView> current(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String groupId) {
        return Mono.defer(() -> links.current(caller.userId(), GroupIds.parse("group_id", groupId))).map(GroupViews::of);
    }

    @DeleteMapping("/v1/groups/{groupId}/invite-link")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> revoke(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String groupId) {
        return Mono.defer(() -> links.revoke(caller.userId(), GroupIds.parse("group_id", groupId)));
    }

    @PostMapping("/v1/groups/join")
    Mono<GroupViews.GroupView> join(@AuthenticationPrincipal ParleyPrincipal caller, @Valid @RequestBody GroupRequests.Join join) {
        return links.join(caller.userId(), join.inviteToken()).map(GroupViews::of);
    }
}
