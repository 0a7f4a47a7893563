package io.parley.gateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.gateway.auth.DeviceIdentity;
import io.parley.gateway.connection.CloseReason;
import io.parley.gateway.device.ConnectedDevice;
import io.parley.gateway.device.ConnectedDevices;
import io.parley.gateway.support.TestDevices;
import io.parley.proto.user.v1.DeviceRevoked;
import io.parley.proto.user.v1.UserEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.socket.CloseStatus;

class DeviceRevocationListenerTest {

    private final ConnectedDevices devices = TestDevices.connectedDevices();
    private final DeviceRevocationListener listener = new DeviceRevocationListener(devices);

    @Test
    void aRevokedDeviceIsCutAtOnceInsteadOfWaitingForItToReadItsQueue() {
        List<CloseStatus> terminated = new CopyOnWriteArrayList<>();
        ConnectedDevice revoked = devices.connect(new DeviceIdentity("user", "device"), terminated::add);
        List<CloseStatus> otherTerminated = new CopyOnWriteArrayList<>();
        ConnectedDevice other = devices.connect(new DeviceIdentity("user", "other-device"), otherTerminated::add);

        listener.onUserEvent(UserEvent.newBuilder().setUserId("user")
                .setDeviceRevoked(DeviceRevoked.newBuilder().setDeviceId("device")).build().toByteArray());

        assertThat(terminated).containsExactly(CloseReason.DEVICE_REVOKED.status());
        assertThat(revoked.connection().acceptsFrames()).isFalse();
        assertThat(otherTerminated).isEmpty();
        assertThat(other.connection().isOpen()).isTrue();
    }
}
