package io.parley.bench.device;

import io.parley.protocol.ServerFrame;

/** What a scenario hears from a device; called on the device's event loop, with the receive time (nanoTime). */
public interface DeviceListener {

    default void onSent(DeviceConnection device, ServerFrame.Sent sent, long nanos) {
    }

    default void onMessage(DeviceConnection device, ServerFrame.Message message, long nanos) {
    }

    default void onSynced(DeviceConnection device, long cursor, long nanos) {
    }

    default void onPresence(DeviceConnection device, ServerFrame.Presence presence, long nanos) {
    }

    default void onError(DeviceConnection device, ServerFrame.Error error) {
    }

    default void onReconnectAsked(DeviceConnection device, String reason) {
    }

    default void onClosed(DeviceConnection device, int closeCode) {
    }
}
