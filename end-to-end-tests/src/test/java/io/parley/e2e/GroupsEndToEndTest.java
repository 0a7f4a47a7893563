package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.client.Sent;
import io.parley.e2e.support.Accounts;
import io.parley.e2e.support.Device;
import io.parley.e2e.support.Groups;
import io.parley.protocol.ServerFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Group chats over real WebSockets on both gateways (issue 10): one order for every member's every device, with the
 * membership changes in it.
 */
@Order(1)
@Timeout(600)
class GroupsEndToEndTest extends EndToEndTest {

    private static final Duration DELIVERY = Duration.ofMinutes(5);
    private static final int MEMBERS = 20;
    private static final int SENDERS = 5;
    private static final int PER_SENDER = 100;

    @Test
    void fiveSendersInAGroupOfTwentyOnTwoGatewaysEveryDeviceSeesOneGaplessOrder() {
        List<Device> devices = new ArrayList<>();
        List<String> members = new ArrayList<>();
        Accounts.SignedInDevice creator = null;
        for (int i = 0; i < MEMBERS; i++) {
            Accounts.SignedInDevice login = accounts.login(accounts.register("member" + i), "phone");
            creator = creator == null ? login : creator;
            if (i > 0) {
                members.add(login.userId());
            }
            devices.add(connect(login, gateway(i % 2)));
        }
        String chat = new Groups(system).create(creator, "Twenty", members);

        List<CompletableFuture<Sent>> sends = new ArrayList<>();
        for (int n = 0; n < PER_SENDER; n++) {
            for (int sender = 0; sender < SENDERS; sender++) {
                sends.add(devices.get(sender).sendText(chat, "sender " + sender + " message " + n));
            }
        }
        List<Sent> sent = sends.stream().map(CompletableFuture::join).toList();
        int expected = 1 + SENDERS * PER_SENDER;

        await().atMost(DELIVERY).until(() -> devices.stream().allMatch(device -> device.messagesIn(chat).size() >= expected));
        List<String> order = devices.get(0).messagesIn(chat).stream().map(ServerFrame.Message::messageId).toList();
        assertThat(order).doesNotHaveDuplicates().containsAll(sent.stream().map(Sent::messageId).toList());
        for (Device device : devices) {
            assertThat(device.messagesIn(chat)).as("messages of %s", device.userId())
                    .extracting(ServerFrame.Message::seq).containsExactlyElementsOf(LongStream.rangeClosed(1, expected).boxed().toList());
            assertThat(device.messagesIn(chat)).extracting(ServerFrame.Message::messageId).isEqualTo(order);
            assertThat(device.gaps).isEmpty();
        }
        assertThat(devices.get(7).messagesIn(chat).get(0).contentType()).isEqualTo("application/vnd.parley.group-event+json");
    }

    @Test
    void aRemovedMemberGetsNothingAfterTheRemovalAndIsRefusedAnAddedOneStartsAtTheAdd() {
        Accounts.SignedInDevice admin = accounts.login(accounts.register("admin"), "phone");
        Accounts.SignedInDevice leaving = accounts.login(accounts.register("leaving"), "phone");
        Accounts.SignedInDevice joining = accounts.login(accounts.register("joining"), "phone");
        Device adminsPhone = connect(admin, gateway(0));
        Device leavingPhone = connect(leaving, gateway(1));
        Device joiningPhone = connect(joining, gateway(1));
        Groups groups = new Groups(system);
        String chat = groups.create(admin, "Changes", List.of(leaving.userId()));

        for (int i = 0; i < 20; i++) {
            adminsPhone.sendText(chat, "before " + i).join();
        }
        assertThat(groups.remove(admin, chat, leaving.userId())).isEqualTo(200);
        assertThat(groups.add(admin, chat, List.of(joining.userId()))).isEqualTo(200);
        for (int i = 0; i < 20; i++) {
            adminsPhone.sendText(chat, "after " + i).join();
        }

        await().atMost(DELIVERY).until(() -> adminsPhone.messagesIn(chat).size() >= 43 && joiningPhone.messagesIn(chat).size() >= 21);
        List<ServerFrame.Message> all = adminsPhone.messagesIn(chat);
        long removal = all.get(21).seq();
        long addition = all.get(22).seq();
        assertThat(new String(all.get(21).body(), StandardCharsets.UTF_8)).contains("\"change\":\"removed\"");
        assertThat(new String(all.get(22).body(), StandardCharsets.UTF_8)).contains("\"change\":\"added\"");
        await().atMost(DELIVERY).until(() -> leavingPhone.messagesIn(chat).size() >= 22);
        assertThat(leavingPhone.messagesIn(chat)).extracting(ServerFrame.Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, removal).boxed().toList());
        assertThat(joiningPhone.messagesIn(chat)).extracting(ServerFrame.Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(addition, 43).boxed().toList());
        assertThat(leavingPhone.sendText(chat, "still here?")).failsWithin(Duration.ofSeconds(30));
    }
}
