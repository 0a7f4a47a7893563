package io.parley.group.groups;

import com.google.protobuf.ByteString;
import io.parley.group.chats.ChatMembershipClient;
import io.parley.group.chats.Member;
import io.parley.group.chats.MembershipOutcome;
import io.parley.group.error.GroupException;
import io.parley.group.media.Avatars;
import io.parley.group.users.UserDirectoryClient;
import io.parley.proto.chat.v1.MembershipChange;
import io.parley.proto.chat.v1.MembershipCommand;
import io.parley.proto.error.v1.ErrorReason;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Groups and their authorization (docs/groups.md). group-service owns a group's info and settings; its membership
 * lives in chat-service, in the group chat's own order: every change is a command that the chat's single writer
 * decides against the membership after every earlier record (the cap, admin rights), so concurrent changes need no
 * lock here. This class checks first what it can (membership as last read, blocks, the cap at creation) so that most
 * refusals cost no command, and maps the decided outcome to the caller's answer.
 */
public class Groups {

    /** Group rows or block checks run at once. */
    private static final int CONCURRENCY = 16;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GroupStore store;
    private final ChatMembershipClient chats;
    private final UserDirectoryClient directory;
    private final Avatars avatars;
    private final GroupLimits limits;
    private final Clock clock;

    Groups(GroupStore store, ChatMembershipClient chats, UserDirectoryClient directory, Avatars avatars, GroupLimits limits,
            Clock clock) {
        this.store = store;
        this.chats = chats;
        this.directory = directory;
        this.avatars = avatars;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Stores the group row first (a group without members is invisible to everyone), then has the chat created with
     * the creator as admin and the others as members. An avatar is shared into the group's chat first, so its
     * members may download it; it must be the creator's own completed image.
     */
    public Mono<GroupDetails> create(UUID creator, NewGroup request) {
        Set<UUID> others = new LinkedHashSet<>(request.members());
        others.remove(creator);
        if (others.size() + 1 > limits.maxMembers()) {
            return Mono.error(full());
        }
        Group group = new Group(UUID.randomUUID(), request.name(), emptyToNull(request.description()),
                emptyToNull(request.avatarMediaId()), request.editInfo(), request.send(), creator, clock.instant(), false);
        MembershipCommand command = command(MembershipChange.CREATED, others)
                .setSendAdminsOnly(request.send() == Permission.ADMINS)
                .setDetails(details(group.avatarMediaId() == null ? Map.of("name", group.name())
                        : Map.of("name", group.name(), "avatar_media_id", group.avatarMediaId()))).build();
        return requireAddable(creator, others)
                .then(avatar(creator, group.avatarMediaId(), group.chatId()))
                .then(store.save(group))
                .then(decided(group.id(), creator, command))
                .map(outcome -> new GroupDetails(group, outcome.members()));
    }

    public Mono<GroupDetails> read(UUID caller, UUID groupId) {
        return access(groupId, caller).map(access -> new GroupDetails(access.group(), access.members()));
    }

    /** The caller's open groups with their role, in no given order (clients order them by their chat list). */
    public Flux<MyGroup> mine(UUID caller) {
        return chats.groupsOf(caller)
                .flatMapMany(Flux::fromIterable)
                .flatMap(mine -> store.find(mine.groupId()).filter(group -> !group.closed())
                        .map(group -> new MyGroup(group, mine.admin())), CONCURRENCY);
    }

    public Mono<GroupDetails> updateInfo(UUID caller, UUID groupId, InfoChange change) {
        return access(groupId, caller).flatMap(access -> {
            boolean adminsOnly = access.group().editInfo() == Permission.ADMINS;
            if (adminsOnly && !access.caller().admin()) {
                return Mono.error(GroupException.notAnAdmin("edit this group's info"));
            }
            Group changed = access.group().withInfo(change);
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("name", changed.name());
            shown.put("description", changed.description() == null ? "" : changed.description());
            shown.put("avatar_media_id", changed.avatarMediaId() == null ? "" : changed.avatarMediaId());
            MembershipCommand command = command(MembershipChange.INFO_CHANGED, Set.of()).setRequiresAdmin(adminsOnly)
                    .setDetails(details(shown)).build();
            String newAvatar = Objects.equals(changed.avatarMediaId(), access.group().avatarMediaId()) ? null : changed.avatarMediaId();
            return avatar(caller, newAvatar, changed.chatId())
                    .then(decided(groupId, caller, command))
                    .flatMap(outcome -> store.save(changed).thenReturn(new GroupDetails(changed, outcome.members())));
        });
    }

    /** Who may send is decided in the chat's order (chat-service refuses a non-admin's message after the change). */
    public Mono<GroupDetails> updateSettings(UUID caller, UUID groupId, Permission editInfo, Permission send) {
        return asAdmin(groupId, caller, "change this group's settings").flatMap(access -> {
            Group changed = access.group().withSettings(editInfo, send);
            MembershipCommand command = command(MembershipChange.SETTINGS_CHANGED, Set.of())
                    .setSendAdminsOnly(send == Permission.ADMINS)
                    .setDetails(details(Map.of("edit_info", editInfo.wireName(), "send", send.wireName()))).build();
            return decided(groupId, caller, command)
                    .flatMap(outcome -> store.save(changed).thenReturn(new GroupDetails(changed, outcome.members())));
        });
    }

    /** An admin adds users who exist and do not block (and are not blocked by) them. */
    public Mono<GroupDetails> add(UUID caller, UUID groupId, List<UUID> users) {
        Set<UUID> targets = new LinkedHashSet<>(users);
        return asAdmin(groupId, caller, "add members").flatMap(access -> {
            access.members().forEach(member -> targets.remove(member.userId()));
            if (targets.isEmpty()) {
                return Mono.just(new GroupDetails(access.group(), access.members()));
            }
            if (access.members().size() + targets.size() > limits.maxMembers()) {
                return Mono.error(full());
            }
            return requireAddable(caller, targets)
                    .then(decided(groupId, caller, command(MembershipChange.ADDED, targets).build()))
                    .map(outcome -> new GroupDetails(access.group(), outcome.members()));
        });
    }

    public Mono<GroupDetails> remove(UUID caller, UUID groupId, UUID user) {
        if (caller.equals(user)) {
            return leave(caller, groupId);
        }
        return asAdmin(groupId, caller, "remove members")
                .flatMap(access -> decided(groupId, caller, command(MembershipChange.REMOVED, Set.of(user)).build())
                        .map(outcome -> new GroupDetails(access.group(), outcome.members())));
    }

    /** The caller leaves; if no admin is left the longest-standing member becomes one; the last member closes the group. */
    public Mono<GroupDetails> leave(UUID caller, UUID groupId) {
        return access(groupId, caller)
                .flatMap(access -> decided(groupId, caller, command(MembershipChange.LEFT, Set.of()).build())
                        .flatMap(outcome -> outcome.members().isEmpty()
                                ? store.save(access.group().asClosed()).thenReturn(new GroupDetails(access.group().asClosed(), List.of()))
                                : Mono.just(new GroupDetails(access.group(), outcome.members()))));
    }

    public Mono<GroupDetails> setAdmin(UUID caller, UUID groupId, UUID user, boolean admin) {
        MembershipChange change = admin ? MembershipChange.PROMOTED : MembershipChange.DEMOTED;
        return asAdmin(groupId, caller, admin ? "promote members" : "demote admins")
                .flatMap(access -> decided(groupId, caller, command(change, Set.of(user)).build())
                        .map(outcome -> new GroupDetails(access.group(), outcome.members())));
    }

    /** Joins {@code user} (invite link checked by the caller); joining a group one is in changes nothing. */
    public Mono<GroupDetails> admit(UUID groupId, UUID user) {
        return open(groupId).flatMap(group -> chats.change(groupId, user, command(MembershipChange.JOINED_BY_LINK, Set.of()).build())
                .flatMap(outcome -> outcome.applied() || alreadyMember(outcome, user)
                        ? Mono.just(new GroupDetails(group, outcome.members()))
                        : Mono.error(refusal(outcome.refused()))));
    }

    /** The open group, its members and the caller's membership; NOT_FOUND for no such (or a closed) group, NOT_A_MEMBER. */
    public Mono<GroupAccess> access(UUID groupId, UUID caller) {
        return open(groupId).zipWith(chats.members(groupId)).flatMap(found -> found.getT2().stream()
                .filter(member -> member.userId().equals(caller)).findFirst()
                .map(member -> Mono.just(new GroupAccess(found.getT1(), member, found.getT2())))
                .orElseGet(() -> Mono.error(GroupException.notAMember())));
    }

    /** {@link #access} for an admin; NOT_A_GROUP_ADMIN for another member. */
    public Mono<GroupAccess> asAdmin(UUID groupId, UUID caller, String action) {
        return access(groupId, caller).flatMap(access -> access.caller().admin()
                ? Mono.just(access) : Mono.error(GroupException.notAnAdmin(action)));
    }

    private Mono<Group> open(UUID groupId) {
        return store.find(groupId).filter(group -> !group.closed()).switchIfEmpty(Mono.error(GroupException::noSuchGroup));
    }

    /** The command's outcome if applied; its refusal as the caller's error otherwise. */
    private Mono<MembershipOutcome> decided(UUID groupId, UUID actor, MembershipCommand command) {
        return chats.change(groupId, actor, command)
                .flatMap(outcome -> outcome.applied() ? Mono.just(outcome) : Mono.error(refusal(outcome.refused())));
    }

    /** Shares a newly set avatar into the group's chat (nothing for none or an unchanged one). */
    private Mono<Void> avatar(UUID editor, String mediaId, String chatId) {
        return mediaId == null ? Mono.empty() : avatars.share(editor, mediaId, chatId);
    }

    private Mono<Void> requireAddable(UUID adder, Set<UUID> targets) {
        return Flux.fromIterable(targets).flatMap(target -> directory.requireAddable(adder, target), CONCURRENCY).then();
    }

    private MembershipCommand.Builder command(MembershipChange change, Set<UUID> targets) {
        return MembershipCommand.newBuilder().setChange(change).setMaxMembers(limits.maxMembers())
                .addAllTargetUserIds(targets.stream().map(UUID::toString).toList());
    }

    private static boolean alreadyMember(MembershipOutcome outcome, UUID user) {
        return outcome.refused() == ErrorReason.INVALID_REQUEST
                && outcome.members().stream().anyMatch(member -> member.userId().equals(user));
    }

    private GroupException refusal(ErrorReason reason) {
        return switch (reason) {
            case GROUP_FULL -> full();
            case NOT_A_GROUP_ADMIN -> GroupException.notAnAdmin("do this");
            case NOT_A_MEMBER -> GroupException.notAMember();
            case NOT_FOUND -> GroupException.noSuchGroup();
            default -> new GroupException(ErrorReason.INVALID_REQUEST,
                    "the group's membership does not allow this (already a member, not a member, or the last admin)");
        };
    }

    private static ByteString details(Map<String, String> shown) {
        return ByteString.copyFromUtf8(JSON.writeValueAsString(shown));
    }

    private GroupException full() {
        return new GroupException(ErrorReason.GROUP_FULL, "a group has at most " + limits.maxMembers() + " members",
                Map.of("max_members", Integer.toString(limits.maxMembers())));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
