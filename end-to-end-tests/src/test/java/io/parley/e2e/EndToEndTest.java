package io.parley.e2e;

import io.parley.e2e.support.Accounts;
import io.parley.e2e.support.Device;
import io.parley.e2e.support.History;
import io.parley.e2e.support.ParleySystem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** A test against the one running system of this JVM (started by the first test class that needs it). */
@Tag("integration")
abstract class EndToEndTest {

    static ParleySystem system;
    static Accounts accounts;
    static History history;

    private final List<Device> devices = new ArrayList<>();

    @BeforeAll
    static void system() {
        system = ParleySystem.get();
        accounts = new Accounts(system);
        history = new History(system);
    }

    @AfterEach
    void disconnectDevices() {
        devices.forEach(Device::close);
        devices.clear();
    }

    /** Connects a device; it is closed after the test. */
    Device connect(Accounts.SignedInDevice login, URI... gateways) {
        Device device = Device.connect(login, gateways);
        devices.add(device);
        return device;
    }

    static URI gateway(int index) {
        return system.gateway(index);
    }
}
