package io.parley.cassandra.async;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asynchronous CQL on a service's session as {@link CompletableFuture}s. Every call returns at once; results
 * complete on the driver's I/O threads, so continuations must not block. Cancelling a returned future cancels
 * the driver request. Consistency is the session's (LOCAL_QUORUM, serial LOCAL_SERIAL in Parley's services)
 * unless a method says otherwise.
 */
public final class AsyncCql {

    private final CqlSession session;
    private final Map<String, CompletableFuture<PreparedStatement>> prepared = new ConcurrentHashMap<>();

    public AsyncCql(CqlSession session) {
        this.session = session;
    }

    /** Prepares at start-up (blocking): for statements a store holds in fields. */
    public PreparedStatement prepare(String cql) {
        return session.prepare(cql);
    }

    /** The statement prepared once per text (a failed preparation is retried on the next call), bound to {@code values}. */
    public CompletableFuture<BoundStatement> bind(String cql, Object... values) {
        CompletableFuture<PreparedStatement> statement = prepared.computeIfAbsent(cql,
                text -> session.prepareAsync(text).toCompletableFuture());
        return statement.handle((ready, failure) -> {
            if (failure != null) {
                prepared.remove(cql, statement);
                throw Failures.propagate(failure);
            }
            return ready.bind(values);
        });
    }

    /** The raw first page, for callers that read paging state or metadata. */
    public CompletableFuture<AsyncResultSet> resultOf(Statement<?> statement) {
        return session.executeAsync(statement).toCompletableFuture();
    }

    /** Runs a write (or a statement whose result is not needed). */
    public CompletableFuture<Void> execute(Statement<?> statement) {
        return resultOf(statement).thenApply(result -> null);
    }

    /** For lightweight transactions: whether the condition held and the write was applied. */
    public CompletableFuture<Boolean> applied(Statement<?> statement) {
        return resultOf(statement).thenApply(AsyncResultSet::wasApplied);
    }

    public CompletableFuture<Optional<Row>> one(Statement<?> statement) {
        return resultOf(statement).thenApply(result -> Optional.ofNullable(result.one()));
    }

    /** Every row, following the result's pages; for bounded partitions only. */
    public CompletableFuture<List<Row>> all(Statement<?> statement) {
        return resultOf(statement).thenCompose(first -> collect(first, new ArrayList<>()));
    }

    /** A linearizable read: sees every lightweight transaction that completed before it. */
    static BoundStatement serialRead(BoundStatement statement) {
        return statement.setConsistencyLevel(ConsistencyLevel.LOCAL_SERIAL);
    }

    /** A lightweight transaction ({@code IF ...}) at LOCAL_SERIAL: contends only within the local data centre. */
    static BoundStatement localTransaction(BoundStatement statement) {
        return statement.setSerialConsistencyLevel(ConsistencyLevel.LOCAL_SERIAL);
    }


    private static CompletableFuture<List<Row>> collect(AsyncResultSet page, List<Row> rows) {
        page.currentPage().forEach(rows::add);
        if (!page.hasMorePages()) {
            return CompletableFuture.completedFuture(rows);
        }
        return page.fetchNextPage().toCompletableFuture().thenCompose(next -> collect(next, rows));
    }
}
