package io.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CassandraExtensionTest {

    @RegisterExtension
    static final CassandraExtension CASSANDRA = new CassandraExtension();

    @Test
    void tableInTheClassKeyspaceStoresAndReturnsRows() {
        CqlSession session = CASSANDRA.session();
        session.execute("CREATE TABLE messages (conversation_id text, seq bigint, body text,"
                + " PRIMARY KEY (conversation_id, seq)) WITH CLUSTERING ORDER BY (seq DESC)");

        session.execute("INSERT INTO messages (conversation_id, seq, body) VALUES ('c1', 1, 'hello')");
        session.execute("INSERT INTO messages (conversation_id, seq, body) VALUES ('c1', 2, 'world')");

        assertThat(session.execute("SELECT body FROM messages WHERE conversation_id = 'c1'").all())
                .extracting(row -> row.getString("body"))
                .containsExactly("world", "hello");
    }

    @Test
    void keyspaceIsNamedAfterTheTestClassAndSessionIsBoundToIt() {
        assertThat(CASSANDRA.keyspace()).startsWith("cassandraextensiontest_").hasSizeLessThanOrEqualTo(48);
        assertThat(CASSANDRA.session().getKeyspace()).hasValueSatisfying(
                keyspace -> assertThat(keyspace.asInternal()).isEqualTo(CASSANDRA.keyspace()));
        assertThat(CASSANDRA.contactPoints()).startsWith("127.0.0.1:");
        assertThat(CASSANDRA.localDatacenter()).isEqualTo("datacenter1");
    }

    @Test
    void storageAttachedIndexesAreAvailable() {
        CqlSession session = CASSANDRA.session();
        session.execute("CREATE TABLE users (id text PRIMARY KEY, phone text)");
        session.execute("CREATE INDEX users_by_phone ON users (phone) USING 'sai'");
        session.execute("INSERT INTO users (id, phone) VALUES ('u1', '+15550001')");

        Row row = session.execute("SELECT id FROM users WHERE phone = '+15550001'").one();

        assertThat(row).isNotNull();
        assertThat(row.getString("id")).isEqualTo("u1");
    }
}
