package io.parley.group.web;

import io.parley.auth.verification.ParleyPrincipal;
import io.parley.group.groups.GroupIds;
import io.parley.group.groups.Groups;
import io.parley.group.groups.InfoChange;
import io.parley.group.groups.NewGroup;
import io.parley.group.groups.Permission;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Groups: create, read, list mine, edit the info and the settings (docs/groups.md). */
@RestController
@RequestMapping("/v1/groups")
class GroupController {

    private final Groups groups;

    GroupController(Groups groups) {
        this.groups = groups;
    }

    @PostMapping
    Mono<ResponseEntity<GroupViews.GroupView>> create(@AuthenticationPrincipal ParleyPrincipal caller,
            @Valid @RequestBody GroupRequests.Create request) {
        GroupRequests.Settings settings = request.settings() != null ? request.settings() : new GroupRequests.Settings("all", "all");
        List<UUID> members = request.members() == null ? List.of()
                : request.members().stream().map(UUID::fromString).toList();
        NewGroup group = new NewGroup(request.name(), request.description(), request.avatarMediaId(),
                Permission.fromWireName(settings.editInfo()), Permission.fromWireName(settings.send()), members);
        return groups.create(caller.userId(), group)
                .map(GroupViews::of)
                .map(view -> ResponseEntity.created(URI.create("/v1/groups/" + view.groupId())).body(view));
    }

    @GetMapping
    Mono<GroupViews.GroupList> mine(@AuthenticationPrincipal ParleyPrincipal caller) {
        return groups.mine(caller.userId()).map(GroupViews::of).collectList().map(GroupViews.GroupList::new);
    }

    @GetMapping("/{groupId}")
    Mono<GroupViews.GroupView> read(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String groupId) {
        return Mono.defer(() -> groups.read(caller.userId(), GroupIds.parse("group_id", groupId))).map(GroupViews::of);
    }

    @PatchMapping("/{groupId}")
    Mono<GroupViews.GroupView> updateInfo(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String groupId,
            @Valid @RequestBody GroupRequests.InfoPatch patch) {
        return Mono.defer(() -> groups.updateInfo(caller.userId(), GroupIds.parse("group_id", groupId),
                        new InfoChange(patch.name(), patch.description(), patch.avatarMediaId())))
                .map(GroupViews::of);
    }

    @PutMapping("/{groupId}/settings")
    Mono<GroupViews.GroupView> updateSettings(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String groupId,
            @Valid @RequestBody GroupRequests.Settings settings) {
        return Mono.defer(() -> groups.updateSettings(caller.userId(), GroupIds.parse("group_id", groupId),
                        Permission.fromWireName(settings.editInfo()), Permission.fromWireName(settings.send())))
                .map(GroupViews::of);
    }
}
