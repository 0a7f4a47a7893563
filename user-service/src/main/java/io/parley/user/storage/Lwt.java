package io.parley.user.storage;

import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;

/** Recognizes the outcome of a lightweight transaction that Cassandra could not confirm either way. */
public final class Lwt {

    private Lwt() {
    }

    /**
     * True when a conditional write timed out or its Paxos round is unknown: it may or may not have been
     * applied, so the caller must read back (serially) to learn the truth instead of assuming either.
     */
    public static boolean outcomeUnknown(Throwable failure) {
        return failure instanceof CASWriteUnknownException
                || failure instanceof WriteTimeoutException timeout
                        && (timeout.getWriteType() == WriteType.CAS || timeout.getWriteType() == WriteType.SIMPLE);
    }
}
