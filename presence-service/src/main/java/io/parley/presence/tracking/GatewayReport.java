package io.parley.presence.tracking;

import io.parley.presence.live.OpenConnection;
import java.time.Duration;
import java.util.List;

/** What one gateway reported: connections opened and closed since its previous report, and its liveness. */
public record GatewayReport(String gatewayId, List<OpenConnection> opened, List<Closed> closed, Duration livenessTtl,
        boolean complete) {

    /** A connection that closed {@code ago} before the report. */
    public record Closed(OpenConnection connection, Duration ago) {
    }


    public GatewayReport {
        opened = List.copyOf(opened);
        closed = List.copyOf(closed);
    }
}
