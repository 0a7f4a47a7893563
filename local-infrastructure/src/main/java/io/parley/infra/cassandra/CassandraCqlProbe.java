package io.parley.infra.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import io.parley.infra.process.TcpPort;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Ready means a CQL client reads {@code release_version} from {@code system.local}. */
final class CassandraCqlProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private CassandraCqlProbe() {
    }

    static boolean answersCql(InetSocketAddress contactPoint, String localDatacenter) {
        // The native port opens last during start-up; until then a driver session is a costly way to fail.
        if (!TcpPort.acceptsConnections(contactPoint)) {
            return false;
        }
        try (CqlSession session = CqlSession.builder()
                .addContactPoint(contactPoint)
                .withLocalDatacenter(localDatacenter)
                .withConfigLoader(probeConfig())
                .build()) {
            Row row = session.execute("SELECT release_version FROM system.local").one();
            return row != null && row.getString("release_version") != null;
        }
    }

    private static DriverConfigLoader probeConfig() {
        return DriverConfigLoader.programmaticBuilder()
                .withString(DefaultDriverOption.SESSION_NAME, "parley-readiness")
                .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, TIMEOUT)
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, TIMEOUT)
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, TIMEOUT)
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, TIMEOUT)
                .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
                // The driver's event loops wait 2 s for stragglers when a session closes; a probe has none.
                .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
                .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
                .build();
    }
}
