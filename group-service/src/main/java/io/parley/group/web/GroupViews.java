package io.parley.group.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.group.groups.Group;
import io.parley.group.groups.GroupDetails;
import io.parley.group.groups.MyGroup;
import io.parley.group.invites.InviteLink;
import io.parley.group.chats.Member;
import java.util.List;

/** Response bodies of the group API (docs/groups.md); absent optional fields are left out. */
final class GroupViews {

    private GroupViews() {
    }

    record SettingsView(String editInfo, String send) {
    }

    record MemberView(String userId, String role, long joinedSeq) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GroupView(String groupId, String chatId, String name, String description, String avatarMediaId,
            SettingsView settings, String createdBy, long createdAt, List<MemberView> members) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GroupSummary(String groupId, String chatId, String name, String avatarMediaId, String role) {
    }

    record GroupList(List<GroupSummary> groups) {
    }

    record InviteLinkView(String groupId, String inviteToken, String createdBy, long createdAt) {
    }

    static GroupView of(GroupDetails details) {
        Group group = details.group();
        return new GroupView(group.id().toString(), group.chatId(), group.name(), group.description(),
                group.avatarMediaId(), new SettingsView(group.editInfo().wireName(), group.send().wireName()),
                group.createdBy().toString(), group.createdAt().toEpochMilli(),
                details.members().stream().map(GroupViews::of).toList());
    }

    static GroupSummary of(MyGroup mine) {
        Group group = mine.group();
        return new GroupSummary(group.id().toString(), group.chatId(), group.name(), group.avatarMediaId(), mine.role());
    }

    static InviteLinkView of(InviteLink link) {
        return new InviteLinkView(link.groupId().toString(), link.token(), link.createdBy().toString(),
                link.createdAt().toEpochMilli());
    }

    private static MemberView of(Member member) {
        return new MemberView(member.userId().toString(), member.role(), member.joinedSeq());
    }
}
