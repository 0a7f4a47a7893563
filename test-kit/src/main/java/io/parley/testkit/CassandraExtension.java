package io.parley.testkit;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.parley.infra.cassandra.CassandraServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Cassandra 5.0 node shared by all test classes of the JVM (it takes seconds to start), and a fresh
 * keyspace per test class, dropped after it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CassandraExtension CASSANDRA = new CassandraExtension();
 *
 * @DynamicPropertySource
 * static void cassandra(DynamicPropertyRegistry registry) {
 *     registry.add("spring.cassandra.contact-points", CASSANDRA::contactPoints);
 *     registry.add("spring.cassandra.local-datacenter", CASSANDRA::localDatacenter);
 *     registry.add("spring.cassandra.keyspace-name", CASSANDRA::keyspace);
 * }
 * }</pre>
 */
public final class CassandraExtension implements BeforeAllCallback, AfterAllCallback {

    /** Cassandra's limit is 48 characters; the suffix takes 9. */
    private static final int MAX_KEYSPACE_PREFIX = 38;
    /** Schema changes on a busy two-core machine can take longer than the driver's default 2 s. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private String keyspacePrefix = "test";
    private String keyspace;
    private final List<String> extraKeyspaces = new ArrayList<>();
    private CqlSession session;

    /** The shared node, started if needed. */
    public CassandraServer server() {
        return SharedServers.cassandra();
    }

    public InetSocketAddress contactPoint() {
        return server().contactPoint();
    }

    /** {@code 127.0.0.1:<port>}, as Spring's {@code spring.cassandra.contact-points} takes it. */
    public String contactPoints() {
        InetSocketAddress contactPoint = contactPoint();
        return contactPoint.getHostString() + ":" + contactPoint.getPort();
    }

    public String localDatacenter() {
        return server().localDatacenter();
    }

    /** This test class's keyspace (replication factor 1), created on first use. */
    public synchronized String keyspace() {
        createKeyspaceIfNeeded();
        return keyspace;
    }

    /**
     * A fresh keyspace name starting with {@code prefix}, for tests that create keyspaces themselves;
     * the keyspace is dropped after the test class if it exists by then.
     */
    public synchronized String uniqueKeyspace(String prefix) {
        String name = UniqueNames.of(prefix, '_', MAX_KEYSPACE_PREFIX);
        extraKeyspaces.add(name);
        return name;
    }

    /** A session bound to {@link #keyspace()}, closed after the test class. */
    public synchronized CqlSession session() {
        createKeyspaceIfNeeded();
        return session;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        keyspacePrefix = context.getRequiredTestClass().getSimpleName();
        createKeyspaceIfNeeded();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (session == null) {
            return;
        }
        try {
            for (String extra : extraKeyspaces) {
                session.execute("DROP KEYSPACE IF EXISTS " + extra);
            }
            session.execute("DROP KEYSPACE IF EXISTS " + keyspace);
        } finally {
            extraKeyspaces.clear();
            session.close();
            session = null;
            keyspace = null;
        }
    }

    private void createKeyspaceIfNeeded() {
        if (session != null) {
            return;
        }
        String name = UniqueNames.of(keyspacePrefix, '_', MAX_KEYSPACE_PREFIX);
        try (CqlSession admin = newSession(null)) {
            admin.execute("CREATE KEYSPACE " + name
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        }
        session = newSession(name);
        keyspace = name;
    }

    private CqlSession newSession(String boundKeyspace) {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withString(DefaultDriverOption.SESSION_NAME, "parley-test-kit")
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, REQUEST_TIMEOUT)
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, REQUEST_TIMEOUT)
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, REQUEST_TIMEOUT)
                // Without this every session close waits 2 s for event-loop stragglers.
                .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
                .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
                .build();
        return CqlSession.builder()
                .addContactPoint(contactPoint())
                .withLocalDatacenter(localDatacenter())
                .withKeyspace(boundKeyspace)
                .withConfigLoader(config)
                .build();
    }
}
