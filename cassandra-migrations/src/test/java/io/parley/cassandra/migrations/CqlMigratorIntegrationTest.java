package io.parley.cassandra.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.datastax.oss.driver.api.core.CqlSession;
import io.parley.testkit.CassandraExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("integration")
@Timeout(120)
class CqlMigratorIntegrationTest {

    @RegisterExtension
    static final CassandraExtension CASSANDRA = new CassandraExtension();

    private final CqlMigrator migrator = new CqlMigrator(Clock.systemUTC(), Duration.ofSeconds(60));

    private static final List<CqlMigration> MIGRATIONS = List.of(
            CqlScriptParser.parse("V2__add_about.cql", "ALTER TABLE people ADD IF NOT EXISTS about text;"),
            CqlScriptParser.parse("V1__create_people.cql", """
                    CREATE TABLE IF NOT EXISTS people (id int PRIMARY KEY, name text);
                    INSERT INTO people (id, name) VALUES (1, 'first');
                    """));

    @Test
    void appliesPendingMigrationsInVersionOrderExactlyOnce() {
        try (CqlSession session = keyspacedSession(CASSANDRA.uniqueKeyspace("migrate_once"))) {
            assertThat(migrator.migrate(session, MIGRATIONS)).containsExactly(1, 2);
            assertThat(migrator.migrate(session, MIGRATIONS)).isEmpty();

            session.execute("INSERT INTO people (id, name, about) VALUES (2, 'second', 'has about')");
            assertThat(session.execute("SELECT count(*) FROM people").one().getLong(0)).isEqualTo(2);
            assertThat(session.execute("SELECT version FROM schema_migrations").all()).hasSize(2);
        }
    }

    @Test
    void refusesAnAppliedMigrationWhoseTextChanged() {
        try (CqlSession session = keyspacedSession(CASSANDRA.uniqueKeyspace("migrate_changed"))) {
            migrator.migrate(session, MIGRATIONS);
            List<CqlMigration> edited = List.of(MIGRATIONS.get(1), CqlScriptParser.parse("V2__add_about.cql",
                    "ALTER TABLE people ADD IF NOT EXISTS about int;"));

            assertThatIllegalStateException().isThrownBy(() -> migrator.migrate(session, edited))
                    .withMessageContaining("V2").withMessageContaining("changed after it was applied");
        }
    }

    @Test
    void concurrentInstancesApplyEachMigrationOnce() throws Exception {
        String keyspace = CASSANDRA.uniqueKeyspace("migrate_concurrent");
        List<List<Integer>> appliedByEach = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CqlSession session = keyspacedSession(keyspace);
            instances.add(CompletableFuture.runAsync(() -> {
                try (session) {
                    start.await();
                    appliedByEach.add(migrator.migrate(session, MIGRATIONS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        CompletableFuture.allOf(instances.toArray(CompletableFuture[]::new)).get();

        assertThat(appliedByEach.stream().flatMap(List::stream)).containsExactlyInAnyOrder(1, 2);
    }

    private static CqlSession keyspacedSession(String keyspace) {
        try (CqlSession admin = builder().build()) {
            CqlMigrator.createKeyspace(admin, keyspace, CASSANDRA.localDatacenter(), 1);
        }
        return builder().withKeyspace(keyspace).build();
    }

    private static com.datastax.oss.driver.api.core.CqlSessionBuilder builder() {
        return CqlSession.builder().addContactPoint(CASSANDRA.contactPoint())
                .withLocalDatacenter(CASSANDRA.localDatacenter());
    }
}
