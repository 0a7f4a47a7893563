package io.parley.chat.groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.parley.proto.chat.v1.MembershipChange;
import io.parley.proto.chat.v1.MembershipCommand;
import io.parley.proto.chat.v1.MessageSubmitted;
import org.junit.jupiter.api.Test;

class GroupInfoTest {

    @Test
    void infoChangesReplaceWhatTheyNameAndAnEmptyAvatarClearsIt() {
        GroupInfo created = GroupInfo.NONE.after(command(MembershipChange.CREATED, "{\"name\":\"Hikers\"}"));
        GroupInfo pictured = created.after(command(MembershipChange.INFO_CHANGED, "{\"avatar_media_id\":\"a1\"}"));
        GroupInfo cleared = pictured.after(command(MembershipChange.INFO_CHANGED, "{\"name\":\"Climbers\",\"avatar_media_id\":\"\"}"));

        assertThat(created).isEqualTo(new GroupInfo("Hikers", null));
        assertThat(pictured).isEqualTo(new GroupInfo("Hikers", "a1"));
        assertThat(cleared).isEqualTo(new GroupInfo("Climbers", null));
    }

    @Test
    void otherCommandsAndUnreadableDetailsChangeNothing() {
        GroupInfo known = new GroupInfo("Hikers", "a1");

        assertThat(known.after(command(MembershipChange.ADDED, "{\"name\":\"x\"}"))).isEqualTo(known);
        assertThat(known.after(command(MembershipChange.INFO_CHANGED, "not json"))).isEqualTo(known);
        assertThat(known.after(command(MembershipChange.INFO_CHANGED, "[1]"))).isEqualTo(known);
        assertThat(known.after(command(MembershipChange.INFO_CHANGED, "{\"name\":7}"))).isEqualTo(known);
    }

    private static MessageSubmitted command(MembershipChange change, String details) {
        return MessageSubmitted.newBuilder().setMembership(MembershipCommand.newBuilder().setChange(change)
                .setDetails(ByteString.copyFromUtf8(details))).build();
    }
}
