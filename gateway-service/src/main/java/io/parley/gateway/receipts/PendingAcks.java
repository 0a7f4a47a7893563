package io.parley.gateway.receipts;

import io.parley.gateway.ratelimit.TokenBucket;

/**
 * The {@code ack} cursor of one connection on its way to chat-service. An ack is cumulative and answered only on
 * failure, so at most one AckInbox call runs per connection: acks arriving meanwhile only raise the pending cursor
 * (the highest wins), and when the call returns the highest pending cursor goes next. An ack at or below a cursor
 * already sent, pending or in flight is dropped: it would change nothing. Calls are rate-limited; acks are not
 * refused, they wait in the pending cursor.
 */
final class PendingAcks {

    /** {@link #take} when nothing is pending. */
    static final long NONE = -1;

    private final TokenBucket calls;
    /** The highest cursor chat-service accepted. */
    private long acknowledged;
    private long pending = NONE;
    private String pendingRef;
    private long inFlight = NONE;
    private String inFlightRef;
    /** A call is scheduled (lingering or waiting for the rate limit) and will {@link #take} the pending cursor. */
    private boolean scheduled;

    PendingAcks(TokenBucket calls) {
        this.calls = calls;
    }

    /** Raises the pending cursor; true when the caller must schedule a call (none is running or scheduled). */
    synchronized boolean raise(long cursor, String ref) {
        if (cursor <= acknowledged || cursor <= pending || cursor <= inFlight) {
            return false;
        }
        pending = cursor;
        pendingRef = ref;
        if (inFlight != NONE || scheduled) {
            return false;
        }
        scheduled = true;
        return true;
    }

    /** 0 when a call may start now (its token is taken), else how long to wait for one. */
    long millisUntilCall() {
        return calls.tryAcquire() ? 0 : Math.max(1, calls.millisUntilToken());
    }

    /** The cursor for the call starting now, or {@link #NONE}. */
    synchronized long take() {
        scheduled = false;
        inFlight = pending;
        inFlightRef = pendingRef;
        pending = NONE;
        pendingRef = null;
        return inFlight;
    }

    /** The {@code ref} of the latest ack merged into the running call: a failure answers it. */
    synchronized String inFlightRef() {
        return inFlightRef;
    }

    /** The running call returned; true when the caller must schedule the next one for a higher pending cursor. */
    synchronized boolean finished(boolean accepted) {
        if (accepted) {
            acknowledged = Math.max(acknowledged, inFlight);
        }
        inFlight = NONE;
        inFlightRef = null;
        if (pending != NONE && !scheduled) {
            scheduled = true;
            return true;
        }
        return false;
    }
}
