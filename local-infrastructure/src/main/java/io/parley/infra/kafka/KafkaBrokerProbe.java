package io.parley.infra.kafka;

import io.parley.infra.process.TcpPort;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Ready means a client sees the broker in the cluster metadata, i.e. it is registered and unfenced. An open port
 * is not enough: the broker accepts connections before it has caught up with the metadata log.
 */
final class KafkaBrokerProbe implements AutoCloseable {

    private static final int REQUEST_TIMEOUT_MS = 2_000;

    private final InetSocketAddress broker;
    private Admin admin;

    KafkaBrokerProbe(int brokerPort) {
        this.broker = new InetSocketAddress("127.0.0.1", brokerPort);
    }

    boolean brokerIsServing() throws Exception {
        if (!TcpPort.acceptsConnections(broker)) {
            return false;
        }
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + broker.getPort(),
                    AdminClientConfig.CLIENT_ID_CONFIG, "parley-local-infrastructure-readiness",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
                    AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
        }
        return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(REQUEST_TIMEOUT_MS))
                .nodes()
                .get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .isEmpty();
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ZERO);
        }
    }
}
