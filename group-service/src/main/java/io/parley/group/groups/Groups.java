package io.parley.group.groups;

import io.parley.group.error.GroupException;
import io.parley.group.members.Member;
import io.parley.group.members.MemberStore;
import io.parley.group.members.Role;
import io.parley.group.users.UserDirectoryClient;
import io.parley.proto.error.v1.ErrorReason;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creating, reading and editing groups, with their authorization: only members see a group; the info is edited by
 * whoever its {@code edit_info} setting allows, the settings by admins only; nobody is added who blocks (or is
 * blocked by) the one adding them. docs/groups.md is the contract.
 */
public class Groups {

    /** Group rows fetched at once for "my groups". */
    private static final int READ_CONCURRENCY = 16;

    private final GroupStore store;
    private final MemberStore members;
    private final UserDirectoryClient directory;
    private final GroupLimits limits;
    private final Clock clock;

    Groups(GroupStore store, MemberStore members, UserDirectoryClient directory, GroupLimits limits, Clock clock) {
        this.store = store;
        this.members = members;
        this.directory = directory;
        this.limits = limits;
        this.clock = clock;
    }

    public Mono<GroupDetails> create(UUID creator, NewGroup request) {
        Set<UUID> others = new LinkedHashSet<>(request.members());
        others.remove(creator);
        if (others.size() + 1 > limits.maxMembers()) {
            return Mono.error(full());
        }
        Instant now = clock.instant();
        Group group = new Group(UUID.randomUUID(), request.name(), emptyToNull(request.description()),
                emptyToNull(request.avatarMediaId()), request.editInfo(), request.send(), creator, now, false);
        return Flux.fromIterable(others)
                .flatMap(other -> directory.requireAddable(creator, other), READ_CONCURRENCY)
                .then(store.save(group))
                .then(members.put(group.id(), new Member(creator, Role.ADMIN, now)))
                .thenMany(Flux.fromIterable(others))
                .flatMap(other -> members.put(group.id(), new Member(other, Role.MEMBER, now)), READ_CONCURRENCY)
                .then(details(group));
    }

    public Mono<GroupDetails> read(UUID caller, UUID groupId) {
        return access(groupId, caller).flatMap(access -> details(access.group()));
    }

    /** The caller's open groups with their role, in no given order (clients order them by their chat list). */
    public Flux<MyGroup> mine(UUID caller) {
        return members.groupsOf(caller)
                .flatMap(groupId -> Mono.zip(store.find(groupId), members.member(groupId, caller)), READ_CONCURRENCY)
                .filter(found -> !found.getT1().closed())
                .map(found -> new MyGroup(found.getT1(), found.getT2().role()));
    }

    public Mono<GroupDetails> updateInfo(UUID caller, UUID groupId, InfoChange change) {
        return access(groupId, caller)
                .flatMap(access -> {
                    if (access.group().editInfo() == Permission.ADMINS && !access.caller().isAdmin()) {
                        return Mono.error(GroupException.notAnAdmin("edit this group's info"));
                    }
                    Group changed = access.group().withInfo(change);
                    return store.save(changed).then(details(changed));
                });
    }

    public Mono<GroupDetails> updateSettings(UUID caller, UUID groupId, Permission editInfo, Permission send) {
        return asAdmin(groupId, caller, "change this group's settings")
                .flatMap(access -> {
                    Group changed = access.group().withSettings(editInfo, send);
                    return store.save(changed).then(details(changed));
                });
    }

    /** Adds {@code user} as a member unless the group is full; a member already in it stays as they are. */
    public Mono<GroupDetails> admit(UUID groupId, UUID user) {
        return open(groupId)
                .flatMap(group -> members.member(groupId, user)
                        .map(existing -> true)
                        .switchIfEmpty(members.count(groupId).flatMap(count -> count >= limits.maxMembers()
                                ? Mono.error(full())
                                : members.put(groupId, new Member(user, Role.MEMBER, clock.instant())).thenReturn(true)))
                        .then(details(group)));
    }

    /** The open group and the caller's membership; NOT_FOUND for no such (or a closed) group, NOT_A_MEMBER. */
    public Mono<GroupAccess> access(UUID groupId, UUID caller) {
        return open(groupId)
                .flatMap(group -> members.member(groupId, caller)
                        .switchIfEmpty(Mono.error(GroupException::notAMember))
                        .map(member -> new GroupAccess(group, member)));
    }

    /** {@link #access} for an admin; NOT_A_GROUP_ADMIN for another member. */
    public Mono<GroupAccess> asAdmin(UUID groupId, UUID caller, String action) {
        return access(groupId, caller).flatMap(access -> access.caller().isAdmin()
                ? Mono.just(access) : Mono.error(GroupException.notAnAdmin(action)));
    }

    private Mono<Group> open(UUID groupId) {
        return store.find(groupId).filter(group -> !group.closed()).switchIfEmpty(Mono.error(GroupException::noSuchGroup));
    }

    private Mono<GroupDetails> details(Group group) {
        return members.members(group.id())
                .sort(Comparator.comparing(Member::joinedAt).thenComparing(Member::userId))
                .collectList()
                .map(list -> new GroupDetails(group, list));
    }

    private GroupException full() {
        return new GroupException(ErrorReason.GROUP_FULL, "a group has at most " + limits.maxMembers() + " members",
                Map.of("max_members", Integer.toString(limits.maxMembers())));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
