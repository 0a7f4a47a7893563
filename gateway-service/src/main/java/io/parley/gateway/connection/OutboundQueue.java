package io.parley.gateway.connection;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The frames waiting to be written to one device, bounded in frames and characters. A device that stops reading
 * fills it, and then {@link #offer} fails: the caller disconnects the device, which later catches up through sync,
 * instead of buffering without limit. The transport below holds at most a few hundred more frames and Netty's
 * write buffer, because Reactor Netty only pulls while the socket is writable. A queue whose frames have waited
 * without any being taken is {@link #stalledSince stalled}: the device stopped reading, whatever else it sends.
 */
final class OutboundQueue {

    private final ConcurrentLinkedQueue<String> queued = new ConcurrentLinkedQueue<>();
    private final Sinks.Many<String> sink = Sinks.many().unicast().onBackpressureBuffer(queued);
    private final int maxFrames;
    private final long maxChars;
    private final LongSupplier nowMillis;
    private int frames;
    private long chars;
    /** When the queue last became non-empty or last had a frame taken: the start of the current wait. */
    private long waitingSinceMillis;
    private boolean completed;
    private Runnable whenHalfEmpty;

    OutboundQueue(int maxFrames, long maxChars, LongSupplier nowMillis) {
        this.maxFrames = maxFrames;
        this.maxChars = maxChars;
        this.nowMillis = nowMillis;
    }

    /** The frames in order, for the WebSocket's send side; subscribe once. */
    Flux<String> frames() {
        return sink.asFlux().doOnNext(this::taken);
    }

    /** Queues a frame if it fits; false when the queue is full or completed. */
    synchronized boolean offer(String frame) {
        if (completed || frames + 1 > maxFrames || chars + frame.length() > maxChars) {
            return false;
        }
        return emit(frame);
    }

    /**
     * Queues a frame even beyond the bound. Only for pages of a sync, which are fetched one at a time and only
     * when the queue is at most half full ({@link #whenHalfEmpty}), so they exceed it by at most one page.
     */
    synchronized boolean force(String frame) {
        return !completed && emit(frame);
    }

    /** Runs {@code action} once the queue is at most half full: at once if it is now. */
    void whenHalfEmpty(Runnable action) {
        boolean now;
        synchronized (this) {
            now = isHalfEmpty();
            if (!now) {
                whenHalfEmpty = action;
            }
        }
        if (now) {
            action.run();
        }
    }

    /** No frame after this one; frames already queued are still written. */
    synchronized void complete() {
        if (!completed) {
            completed = true;
            whenHalfEmpty = null;
            sink.tryEmitComplete();
        }
    }

    /** Gives up on the queued frames: the connection is being torn down. */
    synchronized void abort(Throwable reason) {
        if (!completed) {
            completed = true;
            whenHalfEmpty = null;
            // The unicast sink would write what is buffered before the error: drop it, nobody reads it.
            queued.clear();
            sink.tryEmitError(reason);
        }
    }

    synchronized int size() {
        return frames;
    }

    /** Whether frames are waiting and none has been taken since {@code cutoffMillis}: the device is not reading. */
    synchronized boolean stalledSince(long cutoffMillis) {
        return frames > 0 && waitingSinceMillis < cutoffMillis;
    }

    private boolean emit(String frame) {
        if (frames == 0) {
            waitingSinceMillis = nowMillis.getAsLong();
        }
        frames++;
        chars += frame.length();
        // Emission is serialized by this object's lock, so the unicast sink never sees concurrent producers.
        return sink.tryEmitNext(frame).isSuccess();
    }

    private void taken(String frame) {
        Runnable action = null;
        synchronized (this) {
            frames--;
            chars -= frame.length();
            waitingSinceMillis = nowMillis.getAsLong();
            if (whenHalfEmpty != null && isHalfEmpty()) {
                action = whenHalfEmpty;
                whenHalfEmpty = null;
            }
        }
        if (action != null) {
            action.run();
        }
    }

    private boolean isHalfEmpty() {
        return frames <= maxFrames / 2 && chars <= maxChars / 2;
    }
}
