package io.parley.cassandra.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** The driver's session and result pages are interfaces: stand-ins here, a real Cassandra in the services' ITs. */
class AsyncCqlTest {

    private final CqlSession session = mock(CqlSession.class);
    private final PreparedStatement prepared = mock(PreparedStatement.class);
    private final BoundStatement bound = mock(BoundStatement.class);
    private final AsyncCql cql = new AsyncCql(session);

    @Test
    void aStatementIsPreparedOncePerText() {
        when(session.prepareAsync("SELECT 1")).thenReturn(CompletableFuture.completedFuture(prepared));
        when(prepared.bind(any(Object[].class))).thenReturn(bound);

        cql.bind("SELECT 1", "a").join();
        cql.bind("SELECT 1", "b").join();

        verify(session, times(1)).prepareAsync("SELECT 1");
    }

    @Test
    void aFailedPreparationIsRetriedOnTheNextCall() {
        when(session.prepareAsync("SELECT 1"))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("node down")))
                .thenReturn(CompletableFuture.completedFuture(prepared));
        when(prepared.bind(any(Object[].class))).thenReturn(bound);

        assertThat(cql.bind("SELECT 1")).isCompletedExceptionally();
        assertThat(cql.bind("SELECT 1").join()).isSameAs(bound);
    }

    @Test
    void allFollowsEveryPage() {
        Row first = mock(Row.class);
        Row second = mock(Row.class);
        Row third = mock(Row.class);
        AsyncResultSet lastPage = page(List.of(third), null);
        AsyncResultSet firstPage = page(List.of(first, second), lastPage);
        answer(firstPage);

        assertThat(cql.all(bound).join()).containsExactly(first, second, third);
    }

    @Test
    void reactiveAllStreamsEveryPage() {
        Row first = mock(Row.class);
        Row second = mock(Row.class);
        when(session.prepareAsync("SELECT x")).thenReturn(CompletableFuture.completedFuture(prepared));
        when(prepared.bind(any(Object[].class))).thenReturn(bound);
        answer(page(List.of(first), page(List.of(second), null)));

        assertThat(new ReactiveCql(cql).all("SELECT x").collectList().block(Duration.ofSeconds(5))).containsExactly(first, second);
    }

    @Test
    void transactionsRunAtLocalSerial() {
        when(session.prepareAsync("UPDATE t IF x")).thenReturn(CompletableFuture.completedFuture(prepared));
        when(prepared.bind(any(Object[].class))).thenReturn(bound);
        when(bound.setSerialConsistencyLevel(ConsistencyLevel.LOCAL_SERIAL)).thenReturn(bound);
        AsyncResultSet result = page(List.of(), null);
        when(result.wasApplied()).thenReturn(true);
        answer(result);

        assertThat(new ReactiveCql(cql).applied("UPDATE t IF x").block(Duration.ofSeconds(5))).isTrue();
        verify(bound).setSerialConsistencyLevel(ConsistencyLevel.LOCAL_SERIAL);
    }

    @Test
    void cancellingASubscriptionCancelsTheDriverRequest() {
        CompletableFuture<AsyncResultSet> pending = new CompletableFuture<>();
        when(session.executeAsync(any(Statement.class))).thenReturn(pending);

        Disposable subscription = new ReactiveCql(cql).execute(bound).subscribe();
        subscription.dispose();

        assertThat(pending).isCancelled();
    }

    private void answer(AsyncResultSet firstPage) {
        when(session.executeAsync(any(Statement.class))).thenReturn(CompletableFuture.completedFuture(firstPage));
    }

    private static AsyncResultSet page(List<Row> rows, AsyncResultSet next) {
        AsyncResultSet page = mock(AsyncResultSet.class);
        when(page.currentPage()).thenReturn(rows);
        when(page.hasMorePages()).thenReturn(next != null);
        if (next != null) {
            when(page.fetchNextPage()).thenReturn(CompletableFuture.completedFuture(next));
        }
        return page;
    }
}
