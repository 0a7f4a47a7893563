package io.parley.chat.storage;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Asynchronous CQL on the service's session (consistency LOCAL_QUORUM, serial LOCAL_SERIAL, set in
 * application.yaml). Every call returns at once; results complete on the driver's I/O threads, so callers
 * must not block in their continuations.
 */
public final class Cql {

    private final CqlSession session;

    public Cql(CqlSession session) {
        this.session = session;
    }

    public PreparedStatement prepare(String cql) {
        return session.prepare(cql);
    }

    public CompletableFuture<Void> execute(Statement<?> statement) {
        return session.executeAsync(statement).toCompletableFuture().thenApply(result -> null);
    }

    /** For lightweight transactions: whether the condition held and the write was applied. */
    public CompletableFuture<Boolean> applied(Statement<?> statement) {
        return session.executeAsync(statement).toCompletableFuture().thenApply(AsyncResultSet::wasApplied);
    }

    public CompletableFuture<Optional<Row>> one(Statement<?> statement) {
        return session.executeAsync(statement).toCompletableFuture()
                .thenApply(result -> Optional.ofNullable(result.one()));
    }

    /** Every row, following the result's pages; for bounded partitions only. */
    public CompletableFuture<List<Row>> all(Statement<?> statement) {
        return session.executeAsync(statement).toCompletableFuture()
                .thenCompose(first -> collect(first, new ArrayList<>()));
    }

    private static CompletableFuture<List<Row>> collect(AsyncResultSet page, List<Row> rows) {
        page.currentPage().forEach(rows::add);
        if (!page.hasMorePages()) {
            return CompletableFuture.completedFuture(rows);
        }
        CompletionStage<AsyncResultSet> next = page.fetchNextPage();
        return next.toCompletableFuture().thenCompose(nextPage -> collect(nextPage, rows));
    }
}
