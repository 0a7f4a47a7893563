package io.parley.user.storage;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Non-blocking CQL for the feature stores: statements are prepared once and run on the driver's own
 * I/O threads, so no event-loop thread waits on Cassandra.
 */
@Component
public class Cql {

    private final CqlSession session;
    private final Map<String, CompletionStage<PreparedStatement>> prepared = new ConcurrentHashMap<>();

    public Cql(CqlSession session) {
        this.session = session;
    }

    public Mono<BoundStatement> bind(String cql, Object... values) {
        return Mono.fromCompletionStage(() -> prepared.computeIfAbsent(cql, session::prepareAsync))
                .doOnError(failure -> prepared.remove(cql))
                .map(statement -> statement.bind(values));
    }

    public Mono<AsyncResultSet> execute(Statement<?> statement) {
        return Mono.fromCompletionStage(() -> session.executeAsync(statement));
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
        return bind(cql, values)
                .map(statement -> statement.setConsistencyLevel(ConsistencyLevel.LOCAL_SERIAL))
                .flatMap(this::execute)
                .mapNotNull(AsyncResultSet::one);
    }

    public Flux<Row> all(String cql, Object... values) {
        return bind(cql, values).flatMap(this::execute).flatMapMany(Cql::pages);
    }

    /** Runs a lightweight transaction ({@code IF ...}) and tells whether it was applied. */
    public Mono<Boolean> applied(String cql, Object... values) {
        return bind(cql, values)
                .map(statement -> statement.setSerialConsistencyLevel(ConsistencyLevel.LOCAL_SERIAL))
                .flatMap(this::execute)
                .map(AsyncResultSet::wasApplied);
    }

    private static Flux<Row> pages(AsyncResultSet page) {
        Flux<Row> rows = Flux.fromIterable(page.currentPage());
        return page.hasMorePages()
                ? rows.concatWith(Mono.fromCompletionStage(page::fetchNextPage).flatMapMany(Cql::pages))
                : rows;
    }
}
