package io.parley.group.web;

import io.parley.auth.verification.ParleyPrincipal;
import io.parley.group.groups.GroupIds;
import io.parley.group.groups.Groups;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Membership (docs/groups.md): add, remove, leave, promote, demote. Each change is decided in the group chat's own
 * order by chat-service and answered with the members after it.
 */
@RestController
@RequestMapping("/v1/groups/{groupId}")
class MemberController {

    private final Groups groups;

    MemberController(Groups groups) {
        this.groups = groups;
    }

    @PostMapping("/members")
    Mono<GroupViews.GroupView> add(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String groupId,
            @Valid @RequestBody GroupRequests.AddMembers request) {
        return Mono.defer(() -> groups.add(caller.userId(), GroupIds.parse("group_id", groupId),
                request.userIds().stream().map(UUID::fromString).toList())).map(GroupViews::of);
    }

    /** Removing oneself is leaving. */
    @DeleteMapping("/members/{userId}")
    Mono<GroupViews.GroupView> remove(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String groupId,
            @PathVariable String userId) {
        return Mono.defer(() -> groups.remove(caller.userId(), GroupIds.parse("group_id", groupId),
                GroupIds.parse("user_id", userId))).map(GroupViews::of);
    }

    @PostMapping("/leave")
    Mono<GroupViews.GroupView> leave(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String groupId) {
        return Mono.defer(() -> groups.leave(caller.userId(), GroupIds.parse("group_id", groupId))).map(GroupViews::of);
    }

    @PutMapping("/admins/{userId}")
    Mono<GroupViews.GroupView> promote(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String groupId,
            @PathVariable String userId) {
        return Mono.defer(() -> groups.setAdmin(caller.userId(), GroupIds.parse("group_id", groupId),
                GroupIds.parse("user_id", userId), true)).map(GroupViews::of);
    }

    @DeleteMapping("/admins/{userId}")
    Mono<GroupViews.GroupView> demote(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String groupId,
            @PathVariable String userId) {
        return Mono.defer(() -> groups.setAdmin(caller.userId(), GroupIds.parse("group_id", groupId),
                GroupIds.parse("user_id", userId), false)).map(GroupViews::of);
    }
}
