package io.parley.gateway.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.gateway.auth.DeviceIdentity;
import io.parley.gateway.connection.CloseReason;
import io.parley.gateway.connection.ConnectionSettings;
import io.parley.gateway.support.TestDevices;
import io.parley.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConnectedDevicesTest {

    private static final DeviceIdentity DEVICE = new DeviceIdentity("user", "device");
    private static final int RATE = 2;
    private static final int BURST = 3;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ConnectedDevices devices = TestDevices.connectedDevices(new ConnectionSettings(262_144,
            Duration.ofSeconds(90), 1024, 8_388_608, 64, 100, RATE, BURST, Duration.ofSeconds(5), Duration.ofSeconds(5)),
            clock);

    @Test
    void reconnectingDoesNotRefillTheDevicesSendBurst() {
        ConnectedDevice first = devices.connect(DEVICE, status -> { });
        assertThat(sendsAllowed(first, BURST)).isEqualTo(BURST);
        first.connection().inboundEnded();
        devices.disconnected(first);
        devices.forgetRestedSendRateLimits();

        ConnectedDevice second = devices.connect(DEVICE, status -> { });

        assertThat(sendsAllowed(second, BURST)).isZero();
    }

    @Test
    void aReplacingConnectionSharesTheRateLimitOfTheOneItReplaces() {
        ConnectedDevice first = devices.connect(DEVICE, status -> { });
        assertThat(sendsAllowed(first, 2)).isEqualTo(2);

        ConnectedDevice second = devices.connect(DEVICE, status -> { });

        assertThat(first.connection().endedBecause()).isEqualTo(CloseReason.REPLACED);
        assertThat(sendsAllowed(second, BURST)).isEqualTo(1);
    }

    @Test
    void theRateLimitOfADeviceGoneLongEnoughToRefillIsForgotten() {
        ConnectedDevice gone = devices.connect(DEVICE, status -> { });
        sendsAllowed(gone, BURST);
        ConnectedDevice staying = devices.connect(new DeviceIdentity("user", "other"), status -> { });
        sendsAllowed(staying, BURST);
        gone.connection().inboundEnded();
        devices.disconnected(gone);

        clock.advance(Duration.ofMillis(1_499));
        devices.forgetRestedSendRateLimits();
        assertThat(devices.sendRateLimitsKept()).as("not refilled yet").isEqualTo(2);
        clock.advance(Duration.ofMillis(1));
        devices.forgetRestedSendRateLimits();

        assertThat(devices.sendRateLimitsKept()).as("the connected device keeps its own").isEqualTo(1);
    }

    private static int sendsAllowed(ConnectedDevice device, int attempts) {
        int allowed = 0;
        for (int i = 0; i < attempts; i++) {
            if (device.sends().tryAcquireSend()) {
                allowed++;
            }
        }
        return allowed;
    }
}
