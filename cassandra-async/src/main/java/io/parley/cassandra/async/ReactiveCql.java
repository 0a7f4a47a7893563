package io.parley.cassandra.async;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The same non-blocking CQL as {@link AsyncCql}, shaped for Reactor code: nothing runs until subscription,
 * statements are named by their text and prepared once, and cancelling a subscription cancels the driver
 * request. No event-loop thread ever waits on Cassandra.
 */
public final class ReactiveCql {

    private final AsyncCql cql;

    public ReactiveCql(AsyncCql cql) {
        this.cql = cql;
    }

    public Mono<BoundStatement> bind(String cql, Object... values) {
        return Mono.fromFuture(() -> this.cql.bind(cql, values));
    }

    public Mono<AsyncResultSet> execute(Statement<?> statement) {
        return Mono.fromFuture(() -> cql.resultOf(statement));
    }

    /** Runs a write (or a statement whose result is not needed). */
    public Mono<Void> run(String cql, Object... values) {
        return bind(cql, values).flatMap(this::execute).then();
    }

    public Mono<Row> one(String cql, Object... values) {
        return bind(cql, values).flatMap(this::execute).mapNotNull(AsyncResultSet::one);
    }

    /** A linearizable read: sees every lightweight transaction that completed before it. */
    public Mono<Row> oneSerial(String cql, Object... values) {
        return bind(cql, values).map(AsyncCql::serialRead).flatMap(this::execute).mapNotNull(AsyncResultSet::one);
    }

    /** Every row, page by page as the subscriber asks for them. */
    public Flux<Row> all(String cql, Object... values) {
        return bind(cql, values).flatMap(this::execute).flatMapMany(ReactiveCql::pages);
    }

    /** Runs a lightweight transaction ({@code IF ...}) and tells whether it was applied. */
    public Mono<Boolean> applied(String cql, Object... values) {
        return bind(cql, values).map(AsyncCql::localTransaction).flatMap(this::execute).map(AsyncResultSet::wasApplied);
    }

    private static Flux<Row> pages(AsyncResultSet page) {
        Flux<Row> rows = Flux.fromIterable(page.currentPage());
        return page.hasMorePages()
                ? rows.concatWith(Mono.fromCompletionStage(page::fetchNextPage).flatMapMany(ReactiveCql::pages))
                : rows;
    }
}
