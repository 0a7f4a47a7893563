package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.client.ChatIds;
import io.parley.e2e.support.Accounts;
import io.parley.e2e.support.Device;
import io.parley.e2e.support.Groups;
import io.parley.e2e.support.ParleySystem;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Presence and typing on the real system (docs/presence.md): user-service, presence-service and two gateways, the SDK
 * as the devices. The system runs presence with a 3 s grace and a 4 s gateway liveness (ParleySystem).
 */
@Timeout(300)
class PresenceEndToEndTest extends EndToEndTest {

    /** A change crosses: gateway report interval (250 ms) + Redis + a busy two-core machine. */
    private static final Duration CHANGE = Duration.ofSeconds(10);
    /** Offline after the last device closes: grace + sweep, plus the same slack. */
    private static final Duration OFFLINE = ParleySystem.PRESENCE_GRACE.plus(CHANGE);

    @Test
    void aWatcherSeesOnlineThenOfflineWithLastSeenAndAReconnectInsideTheGraceShowsNothing() {
        Accounts.Account alice = accounts.register("alice");
        Accounts.SignedInDevice alicesPhone = accounts.login(alice, "phone");
        // user-service's default is "contacts"; bob is not one of alice's.
        accounts.lastSeen(alicesPhone, "everyone");
        Device bob = connect(accounts.login(accounts.register("bob"), "phone"), gateway(0));
        bob.watch(alice.userId());
        await().atMost(CHANGE).until(() -> bob.lastPresenceOf(alice.userId()) != null);
        assertThat(bob.lastPresenceOf(alice.userId()).online()).isFalse();

        Device first = connect(alicesPhone, gateway(1));
        await().atMost(CHANGE).until(() -> bob.lastPresenceOf(alice.userId()).online());
        int framesWhileOnline = bob.presences.size();

        first.close();
        Device again = connect(alicesPhone, gateway(0));
        // The absence of a change can only be observed over time: longer than the grace, the sweep and a report.
        await().during(ParleySystem.PRESENCE_GRACE.plusSeconds(3)).atMost(ParleySystem.PRESENCE_GRACE.plusSeconds(5))
                .until(() -> bob.presences.size() == framesWhileOnline);

        long closedAt = System.currentTimeMillis();
        again.close();
        await().atMost(OFFLINE).until(() -> !bob.lastPresenceOf(alice.userId()).online());
        ServerFrame.Presence offline = bob.lastPresenceOf(alice.userId());
        // Dated from the close itself (closed_millis_ago), not from the report or the sweep that followed it.
        assertThat(offline.lastSeen()).isBetween(closedAt - 1_000, closedAt + 3_000);
        assertThat(bob.presences.stream().filter(p -> p.user().equals(alice.userId()) && !p.online()).count())
                .as("one offline before alice came, one after she left for good").isEqualTo(2);
    }

    @Test
    void killingAGatewayTakesItsDevicesOfflineWithinTheDocumentedBound() {
        Accounts.Account carol = accounts.register("carol");
        Device bob = connect(accounts.login(accounts.register("bob"), "phone"), gateway(0));
        try {
            Accounts.SignedInDevice carolsPhone = accounts.login(carol, "phone");
            accounts.lastSeen(carolsPhone, "everyone");
            connect(carolsPhone, gateway(1));
            bob.watch(carol.userId());
            await().atMost(CHANGE).until(() -> bob.lastPresenceOf(carol.userId()) != null
                    && bob.lastPresenceOf(carol.userId()).online());

            system.killGateway(1);

            // liveness TTL + sweep + grace, with slack: carol's phone keeps trying the dead gateway only.
            await().atMost(ParleySystem.GATEWAY_LIVENESS_TTL.plus(OFFLINE))
                    .until(() -> !bob.lastPresenceOf(carol.userId()).online());
        } finally {
            system.restartGateway(1);
        }
    }

    @Test
    void privacyDecidesWhoSeesPresenceOverWebSocketAndRest() {
        Accounts.SignedInDevice bob = accounts.login(accounts.register("bob"), "phone");
        Accounts.SignedInDevice hidden = online("hidden", "nobody");
        Accounts.SignedInDevice friendly = online("friendly", "contacts");
        Accounts.SignedInDevice stranger = online("stranger", "contacts");
        Accounts.SignedInDevice open = online("open", "everyone");
        Accounts.SignedInDevice blocker = online("blocker", "everyone");
        accounts.addContact(friendly, bob.userId());
        accounts.block(blocker, bob.userId());

        Map<String, Boolean> seen = accounts.presenceSeenBy(bob, hidden.userId(), friendly.userId(), stranger.userId(),
                open.userId(), blocker.userId());

        assertThat(seen).containsOnlyKeys(friendly.userId(), open.userId());

        Device bobsPhone = connect(bob, gateway(0));
        bobsPhone.watch(hidden.userId(), stranger.userId(), blocker.userId(), open.userId());
        // One answer for the four: frames for the others would have come before or with open's.
        await().atMost(CHANGE).until(() -> bobsPhone.lastPresenceOf(open.userId()) != null);
        assertThat(bobsPhone.presences).extracting(ServerFrame.Presence::user).containsOnly(open.userId());

        accounts.lastSeen(bob, "nobody");
        assertThat(accounts.presenceSeenBy(bob, open.userId())).as("hiding your own hides others'").isEmpty();
    }

    @Test
    void typingReachesTheOpenChatOnlyExpiresWithoutRefreshAndIsRefusedToANonMember() {
        Accounts.Account alice = accounts.register("alice");
        Accounts.Account bob = accounts.register("bob");
        String chat = ChatIds.direct(alice.userId(), bob.userId());
        Accounts.SignedInDevice alicesLogin = accounts.login(alice, "phone");
        accounts.lastSeen(alicesLogin, "everyone");
        Device alicesPhone = connect(alicesLogin, gateway(0));
        Device bobsPhone = connect(accounts.login(bob, "phone"), gateway(1));
        Device bobsLaptop = connect(accounts.login(bob, "laptop"), gateway(1));
        bobsPhone.watch(alice.userId());
        await().atMost(CHANGE).until(() -> bobsPhone.lastPresenceOf(alice.userId()) != null);

        alicesPhone.startTyping(chat);
        await().atMost(CHANGE).until(() -> bobsPhone.typing.contains(chat + ":" + alice.userId() + ":true"));
        alicesPhone.close();
        // No refresh and no paused any more: the indicator goes off on its own, 6 s after the last composing.
        await().atMost(Duration.ofMillis(Protocol.TYPING_EXPIRY_MILLIS + Protocol.TYPING_REFRESH_MILLIS).plus(CHANGE))
                .until(() -> bobsPhone.typing.contains(chat + ":" + alice.userId() + ":false"));
        assertThat(bobsLaptop.typing).as("the laptop does not have the chat open").isEmpty();

        Device carol = connect(accounts.login(accounts.register("carol"), "phone"), gateway(0));
        carol.startTyping(chat);
        await().atMost(CHANGE).until(() -> !carol.errors.isEmpty());
        carol.stopTyping(chat);
        assertThat(carol.errors.get(0).code()).isEqualTo(ErrorCode.NOT_A_MEMBER);
    }

    @Test
    void typingInAGroupReachesMembersWithTheChatOpenOnEitherGatewayAndNotTheSendersOtherDevice() {
        Accounts.Account aliceAccount = accounts.register("alice");
        Accounts.SignedInDevice alice = accounts.login(aliceAccount, "phone");
        Accounts.SignedInDevice alicesLaptopLogin = accounts.login(aliceAccount, "laptop");
        Accounts.SignedInDevice bob = accounts.login(accounts.register("bob"), "phone");
        Accounts.SignedInDevice carol = accounts.login(accounts.register("carol"), "phone");
        Accounts.SignedInDevice dave = accounts.login(accounts.register("dave"), "phone");
        String chat = new Groups(system).create(alice, "Typists", List.of(bob.userId(), carol.userId()));
        Device alicesPhone = connect(alice, gateway(0));
        Device alicesLaptop = connect(alicesLaptopLogin, gateway(1));
        Device bobsPhone = connect(bob, gateway(1));
        Device carolsPhone = connect(carol, gateway(0));
        Device davesPhone = connect(dave, gateway(1));
        alicesLaptop.openChat(chat);
        bobsPhone.openChat(chat);
        davesPhone.openChat(chat);
        await().atMost(CHANGE).until(() -> !davesPhone.errors.isEmpty());
        assertThat(davesPhone.errors.get(0).code()).as("a non-member cannot open the group").isEqualTo(ErrorCode.NOT_A_MEMBER);

        // Nothing acknowledges open_chat: a composing sent before bob's gateway follows the chat is lost, and the
        // SDK's refresh (every 3 s) is what reaches him then, as it would a real user.
        alicesPhone.startTyping(chat);
        await().atMost(CHANGE).until(() -> bobsPhone.typing.contains(chat + ":" + alice.userId() + ":true"));
        alicesPhone.stopTyping(chat);
        await().atMost(CHANGE).until(() -> bobsPhone.typing.contains(chat + ":" + alice.userId() + ":false"));

        assertThat(carolsPhone.typing).as("carol is a member without the chat open").isEmpty();
        assertThat(alicesLaptop.typing).as("the sender's own other device").isEmpty();
        assertThat(davesPhone.typing).as("not a member").isEmpty();
        davesPhone.startTyping(chat);
        await().atMost(CHANGE).until(() -> davesPhone.errors.size() >= 2);
        davesPhone.stopTyping(chat);
        assertThat(davesPhone.errors.get(1).code()).isEqualTo(ErrorCode.NOT_A_MEMBER);
    }

    private Accounts.SignedInDevice online(String name, String lastSeen) {
        Accounts.SignedInDevice device = accounts.login(accounts.register(name), "phone");
        accounts.lastSeen(device, lastSeen);
        connect(device, gateway(1));
        return device;
    }
}
