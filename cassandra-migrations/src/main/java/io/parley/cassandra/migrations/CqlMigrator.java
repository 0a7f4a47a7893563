package io.parley.cassandra.migrations;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies pending migrations to one keyspace, in version order, recording each in
 * {@code schema_migrations}. Pods starting together serialize on a lightweight-transaction lock
 * row, so a script never runs twice at once; an applied script whose text changed stops start-up.
 */
public final class CqlMigrator {

    private static final Logger log = LoggerFactory.getLogger(CqlMigrator.class);
    private static final int LOCK_TTL_SECONDS = 120;

    private final Clock clock;
    private final Duration lockWait;

    public CqlMigrator(Clock clock, Duration lockWait) {
        this.clock = clock;
        this.lockWait = lockWait;
    }

    /** Creates the keyspace if missing; run on a session that is not bound to a keyspace. */
    public static void createKeyspace(CqlSession session, String keyspace, String datacenter, int replicationFactor) {
        session.execute(SimpleStatement.newInstance(("CREATE KEYSPACE IF NOT EXISTS %s WITH replication = "
                + "{'class': 'NetworkTopologyStrategy', '%s': %d}").formatted(keyspace, datacenter, replicationFactor)));
    }

    /** Applies what is pending; {@code session} must be bound to the keyspace. Returns the versions applied. */
    public List<Integer> migrate(CqlSession session, List<CqlMigration> migrations) {
        requireDistinctVersions(migrations);
        session.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, description text, "
                + "checksum text, applied_at timestamp)");
        session.execute("CREATE TABLE IF NOT EXISTS schema_migrations_lock (name text PRIMARY KEY, owner uuid)");
        UUID owner = UUID.randomUUID();
        acquireLock(session, owner);
        try {
            Map<Integer, String> applied = appliedChecksums(session);
            List<CqlMigration> pending = migrations.stream()
                    .sorted(Comparator.comparingInt(CqlMigration::version))
                    .filter(migration -> isPending(migration, applied))
                    .toList();
            pending.forEach(migration -> apply(session, migration));
            return pending.stream().map(CqlMigration::version).toList();
        } finally {
            session.execute(SimpleStatement.newInstance(
                    "DELETE FROM schema_migrations_lock WHERE name = 'migrate' IF owner = ?", owner));
        }
    }

    private static boolean isPending(CqlMigration migration, Map<Integer, String> applied) {
        String checksum = applied.get(migration.version());
        if (checksum == null) {
            return true;
        }
        if (!checksum.equals(migration.checksum())) {
            throw new IllegalStateException("CQL migration V" + migration.version() + " (" + migration.description()
                    + ") was changed after it was applied; add a new migration instead of editing an applied one");
        }
        return false;
    }

    private void apply(CqlSession session, CqlMigration migration) {
        log.info("Applying CQL migration V{} ({})", migration.version(), migration.description());
        for (String statement : migration.statements()) {
            session.execute(SimpleStatement.newInstance(statement).setTimeout(Duration.ofSeconds(30)));
        }
        session.execute(SimpleStatement.newInstance(
                "INSERT INTO schema_migrations (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)",
                migration.version(), migration.description(), migration.checksum(), clock.instant()));
    }

    private void acquireLock(CqlSession session, UUID owner) {
        Instant deadline = clock.instant().plus(lockWait);
        SimpleStatement claim = SimpleStatement.newInstance(
                "INSERT INTO schema_migrations_lock (name, owner) VALUES ('migrate', ?) IF NOT EXISTS USING TTL "
                        + LOCK_TTL_SECONDS, owner).setSerialConsistencyLevel(ConsistencyLevel.LOCAL_SERIAL);
        while (!session.execute(claim).wasApplied()) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("Another instance has held the CQL migration lock for more than "
                        + lockWait + "; it expires by itself after " + LOCK_TTL_SECONDS + " s");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the CQL migration lock", e);
        }
    }

    private static Map<Integer, String> appliedChecksums(CqlSession session) {
        Map<Integer, String> applied = new HashMap<>();
        for (Row row : session.execute("SELECT version, checksum FROM schema_migrations")) {
            applied.put(row.getInt("version"), row.getString("checksum"));
        }
        return applied;
    }

    private static void requireDistinctVersions(List<CqlMigration> migrations) {
        long distinct = migrations.stream().mapToInt(CqlMigration::version).distinct().count();
        if (distinct != migrations.size()) {
            throw new IllegalArgumentException("Two CQL migrations share a version: " + migrations.stream()
                    .map(m -> "V" + m.version()).toList());
        }
    }
}
