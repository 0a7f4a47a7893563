package io.parley.cassandra.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CqlScriptParserTest {

    @Test
    void splitsStatementsAndReadsVersionFromTheFileName() {
        CqlMigration migration = CqlScriptParser.parse("V002__create_users.cql", """
                -- users by id
                CREATE TABLE IF NOT EXISTS users (id uuid PRIMARY KEY, name text);
                // a comment; with a semicolon
                INSERT INTO users (id, name) VALUES (uuid(), 'semi;colon');
                """);

        assertThat(migration.version()).isEqualTo(2);
        assertThat(migration.description()).isEqualTo("create users");
        assertThat(migration.statements()).containsExactly(
                "CREATE TABLE IF NOT EXISTS users (id uuid PRIMARY KEY, name text)",
                "INSERT INTO users (id, name) VALUES (uuid(), 'semi;colon')");
    }

    @Test
    void checksumChangesWithTheText() {
        String a = CqlScriptParser.parse("V1__a.cql", "CREATE TABLE IF NOT EXISTS a (k int PRIMARY KEY);").checksum();
        String b = CqlScriptParser.parse("V1__a.cql", "CREATE TABLE IF NOT EXISTS a (k text PRIMARY KEY);").checksum();
        assertThat(a).isNotEqualTo(b).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"create_users.cql", "V1_create.cql", "V__x.cql", "V1__x.sql"})
    void rejectsFileNamesWithoutAVersion(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> CqlScriptParser.parse(name, ""))
                .withMessageContaining(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE t (k int PRIMARY KEY);",          // re-run would fail: table exists
            "DROP TABLE t;",                                // re-run would fail: table gone
            "ALTER TABLE t ADD c text;",                    // re-run would fail: column exists
            "create index on t (c);"})                      // lower case is still DDL
    void rejectsStatementsThatCannotBeRunTwice(String statement) {
        assertThatIllegalArgumentException().isThrownBy(() -> CqlScriptParser.parse("V1__x.cql", statement))
                .withMessageContaining("not idempotent");
    }
}
