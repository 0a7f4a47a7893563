package io.parley.chat.kafka;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NodeUnavailableException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.kafka.core.KafkaProducerException;

/**
 * Failures that say the infrastructure is (briefly) unavailable rather than that the record is bad: a
 * record failing with one of these is retried until it succeeds, never dead-lettered.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DriverTimeoutException || cause instanceof AllNodesFailedException
                    || cause instanceof NodeUnavailableException || cause instanceof BusyConnectionException
                    || cause instanceof ClosedConnectionException || cause instanceof QueryConsistencyException
                    || cause instanceof OverloadedException || cause instanceof ServerError
                    || cause instanceof RetriableException || cause instanceof KafkaProducerException
                    || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
