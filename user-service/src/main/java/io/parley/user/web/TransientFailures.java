package io.parley.user.web;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisCommandTimeoutException;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

/** Failures of a dependency that a retry may get past: reported as 503 with Retry-After, not as a bug. */
final class TransientFailures {

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DriverTimeoutException || cause instanceof AllNodesFailedException
                    || cause instanceof QueryConsistencyException || cause instanceof UnavailableException
                    || cause instanceof RedisConnectionException || cause instanceof RedisCommandTimeoutException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof QueryTimeoutException
                    || cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
