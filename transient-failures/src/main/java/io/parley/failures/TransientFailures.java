package io.parley.failures;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NodeUnavailableException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Whether a failure says the infrastructure is (briefly) unavailable rather than that the request or record is
 * bad. Consumers retry a transient failure until it succeeds and never dead-letter it; APIs answer it with
 * 503 / UNAVAILABLE and Retry-After instead of a 500. The failure and its causes are searched, so wrapped
 * failures (CompletionException, KafkaProducerException, Spring's translations) are classified by what they wrap.
 *
 * <p>Transient, and why:
 * <ul>
 *   <li>Cassandra: the client gave up waiting ({@link DriverTimeoutException}), no node or connection could take
 *   the request ({@link AllNodesFailedException}, {@link NodeUnavailableException}, {@link BusyConnectionException},
 *   {@link ClosedConnectionException}), too few replicas answered in time or were alive
 *   ({@link QueryConsistencyException} — read/write timeouts, including an LWT whose outcome is unknown —
 *   and {@link UnavailableException}), or the coordinator shed load ({@link OverloadedException}). Each goes
 *   away when nodes recover; every Parley write is idempotent or guarded, so repeating it is safe.</li>
 *   <li>Redis (Lettuce): no connection ({@link RedisConnectionException}) or no answer in time
 *   ({@link RedisCommandTimeoutException}); through Spring Data: {@link DataAccessResourceFailureException} and
 *   {@link TransientDataAccessException} (query timeouts and similar).</li>
 *   <li>Kafka: every {@link RetriableException} (the client's own verdict: timeouts, leader changes,
 *   not enough in-sync replicas).</li>
 *   <li>A {@link TimeoutException} from our own deadlines ({@code orTimeout}).</li>
 *   <li>A service's own {@link TransientFailure} (a lost compare-and-set race).</li>
 * </ul>
 * <p>Not transient, on purpose: Cassandra's {@code ServerError} and syntax or invalid-query errors (the same
 * statement fails the same way again: retrying forever would stall a Kafka partition behind one record),
 * Kafka errors that are not retriable (record too large, authorization), and anything unknown. The two
 * earlier per-service lists disagreed on these (chat-service retried {@code ServerError} and any
 * {@code KafkaProducerException}; user-service missed overload and lost connections): this list settles both.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isTransientItself(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable failure) {
        return failure instanceof TransientFailure
                || failure instanceof DriverTimeoutException || failure instanceof AllNodesFailedException
                || failure instanceof NodeUnavailableException || failure instanceof BusyConnectionException
                || failure instanceof ClosedConnectionException || failure instanceof QueryConsistencyException
                || failure instanceof UnavailableException || failure instanceof OverloadedException
                || failure instanceof RedisConnectionException || failure instanceof RedisCommandTimeoutException
                || failure instanceof DataAccessResourceFailureException || failure instanceof TransientDataAccessException
                || failure instanceof RetriableException || failure instanceof TimeoutException;
    }
}
