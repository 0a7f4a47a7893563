package io.parley.gateway.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.gateway.auth.DeviceIdentity;
import io.parley.gateway.connection.DeviceConnection;
import io.parley.gateway.device.ConnectedDevices;
import io.parley.gateway.support.TestDevices;
import io.parley.protocol.FrameCodec;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PresenceSubscriptionsTest {

    private final FrameCodec codec = new FrameCodec();
    private final Watchers watchers = new Watchers();
    private final ConnectedDevices devices = TestDevices.connectedDevices();
    private final DeviceConnection connection = devices.connect(new DeviceIdentity("me", "phone"), status -> { }).connection();
    private final PresenceSubscriptions subscriptions = watchers.newSubscriptions(connection);

    @Test
    void aConnectionWatchesUsersUntilItUnsubscribesOrCloses() {
        assertThat(subscriptions.add(List.of("alice", "bob", "alice", "me"))).containsExactly("alice", "bob");
        assertThat(watchers.of("alice")).containsExactly(subscriptions);
        assertThat(subscriptions.watches("me")).isFalse();

        subscriptions.remove(List.of("alice"));
        assertThat(subscriptions.watches("alice")).isFalse();
        assertThat(watchers.of("alice")).isEmpty();

        subscriptions.close();
        assertThat(watchers.watchedUsers()).isZero();
        assertThat(subscriptions.size()).isZero();
    }

    @Test
    void aChangeWhileTheAnswerIsOnItsWayFollowsTheAnswerAndAHiddenUserShowsNothing() {
        subscriptions.add(List.of("alice", "bob"));

        subscriptions.changed("alice", true, 0);
        subscriptions.changed("bob", true, 0);
        subscriptions.answered("alice", true, false, 5);
        subscriptions.answered("bob", false, false, 0);
        subscriptions.changed("bob", false, 9);
        subscriptions.changed("alice", false, 7);

        assertThat(connection.outboundFrames().take(3).collectList().block(Duration.ofSeconds(5)))
                .containsExactly(codec.encode(new ServerFrame.Presence("alice", false, 5L)),
                        codec.encode(new ServerFrame.Presence("alice", true, null)),
                        codec.encode(new ServerFrame.Presence("alice", false, 7L)));
    }

    @Test
    void aSubscriptionBeyondTheCapAddsNobody() {
        List<String> full = IntStream.range(0, Protocol.MAX_PRESENCE_SUBSCRIPTIONS).mapToObj(i -> "u" + i).toList();
        assertThat(subscriptions.add(full)).hasSize(Protocol.MAX_PRESENCE_SUBSCRIPTIONS);

        assertThat(subscriptions.add(List.of("one-more", "u0"))).isNull();
        assertThat(subscriptions.watches("one-more")).isFalse();
        assertThat(subscriptions.add(List.of("u0"))).as("not answered yet: asked again").containsExactly("u0");
        subscriptions.answered("u0", true, false, 0);
        assertThat(subscriptions.add(List.of("u0"))).isEmpty();
    }
}
