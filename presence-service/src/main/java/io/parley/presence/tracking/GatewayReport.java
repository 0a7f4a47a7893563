package io.parley.presence.tracking;

import io.parley.presence.live.OpenConnection;
import java.time.Duration;
import java.util.List;

/** What one gateway reported: connections opened and closed since its previous report, and its liveness. */
public record GatewayReport(String gatewayId, List<OpenConnection> opened, List<OpenConnection> closed,
        Duration livenessTtl, boolean complete) {

    public GatewayReport {
        opened = List.copyOf(opened);
        closed = List.copyOf(closed);
    }
}
