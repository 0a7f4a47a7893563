package io.parley.cassandra.migrations;

import java.util.List;
import java.util.Objects;

/**
 * One versioned script, {@code V<version>__<description>.cql}. Its statements must be idempotent
 * (IF NOT EXISTS / IF EXISTS) because a script interrupted half-way is run again from the top.
 */
public record CqlMigration(int version, String description, String checksum, List<String> statements) {

    public CqlMigration {
        if (version < 1) {
            throw new IllegalArgumentException("migration version must be positive, was " + version);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(checksum, "checksum");
        statements = List.copyOf(statements);
    }
}
