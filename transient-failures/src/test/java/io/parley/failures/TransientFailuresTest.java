package io.parley.failures;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

class TransientFailuresTest {

    static Stream<Throwable> transientFailures() {
        return Stream.of(
                // the driver gave up waiting
                new DriverTimeoutException("timeout"),
                // too few live replicas
                new UnavailableException(null, ConsistencyLevel.LOCAL_QUORUM, 2, 1),
                // the coordinator sheds load
                new OverloadedException(null),
                // Redis down or slow, raw and as Spring translates it
                new RedisConnectionException("refused"),
                new RedisCommandTimeoutException("slow"),
                new DataAccessResourceFailureException("down"),
                new QueryTimeoutException("slow"),
                // Kafka's own verdict
                new org.apache.kafka.common.errors.TimeoutException("no ack"),
                new NotEnoughReplicasException("isr"),
                // our own deadline
                new TimeoutException("orTimeout"),
                // a service's lost race
                new LostRace());
    }

    @ParameterizedTest
    @MethodSource
    void transientFailures(Throwable failure) {
        assertThat(TransientFailures.isTransient(failure)).isTrue();
        assertThat(TransientFailures.isTransient(new CompletionException(new RuntimeException("wrapped twice", failure)))).isTrue();
    }

    static Stream<Throwable> permanentFailures() {
        return Stream.of(
                // a coordinator bug repeats for the same statement
                new ServerError(null, "boom"),
                // a bad statement stays bad
                new SyntaxError(null, "SELEC"),
                // a record that is too large stays too large
                new RecordTooLargeException("big"),
                // bugs
                new NullPointerException(),
                new IllegalStateException("bad record"));
    }

    @ParameterizedTest
    @MethodSource
    void permanentFailures(Throwable failure) {
        assertThat(TransientFailures.isTransient(failure)).isFalse();
        assertThat(TransientFailures.isTransient(new CompletionException(failure))).isFalse();
    }

    @Test
    void aSelfCausedFailureEndsTheSearch() {
        assertThat(TransientFailures.isTransient(new SelfCaused())).isFalse();
    }

    private static final class LostRace extends RuntimeException implements TransientFailure {
    }

    private static final class SelfCaused extends RuntimeException {
        @Override
        public synchronized Throwable getCause() {
            return this;
        }
    }
}
