package io.parley.gateway.sync;

import io.parley.gateway.auth.DeviceIdentity;
import io.parley.proto.chat.v1.FetchInboxResponse;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.protocol.ServerFrame;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * What one connection has sent of its user's inbox, and the seam between the backlog and the live stream.
 *
 * <p>The connection is registered for live delivery before its first {@code sync} is handled, and chat-service
 * persists an inbox entry before it delivers it. So while the backlog is being paged ("catching up"), every entry
 * is either in a page still to be fetched or arrives live; live entries are held back in order (bounded) and sent
 * after the last page, skipping what the pages already sent. In the live state the stream sends only the next
 * inbox_seq; an entry beyond it reveals a gap (a lost delivery), which is filled by catching up again. Thus a
 * device sees strictly increasing inbox_seq with no gap and no duplicate on one connection.
 *
 * <p>Before the first {@code sync}, live entries are dropped: the sync's pages will contain them. A {@code sync}
 * cursor beyond the inbox's newest entry (a device restored from another install's data, say) is lowered to that
 * entry, and {@code synced} says so.
 *
 * <p>Costs are bounded per connection: held-back entries by count and by bytes (beyond either, an entry is left to
 * the next page: the inbox has it); one FetchInbox call at a time (a {@code sync} arriving while a page is being
 * fetched replaces the running sync once that call returns, and its page is discarded); and a page that brings
 * nothing new although the inbox reports more (a gap the inbox has not filled yet) is followed by a growing wait
 * instead of an immediate refetch.
 */
public final class InboxStream {

    private static final Duration RETRY_BACKOFF = Duration.ofMillis(200);
    private static final Duration RETRY_BACKOFF_MAX = Duration.ofSeconds(2);

    private enum State { AWAITING_SYNC, CATCHING_UP, LIVE, CLOSED }

    private final DeviceIdentity device;
    private final InboxSource inbox;
    private final FrameSink frames;
    private final int pageSize;
    private final int maxHeldBack;
    private final SyncSettings settings;
    private final Scheduler scheduler;

    private State state = State.AWAITING_SYNC;
    private long lastSent;
    /** Live entries that arrived while catching up, by inbox_seq, and their serialized bytes. */
    private final TreeMap<Long, InboxEntry> heldBack = new TreeMap<>();
    private long heldBackBytes;
    /** The highest inbox_seq seen live but not held back (a hold-back bound was reached). */
    private long seenBeyond;
    /** A page is wanted: waiting for room in the queue, for the backoff, or for the call. */
    private boolean fetching;
    /** A FetchInbox call is running (possibly for an earlier sync): no second one starts meanwhile. */
    private boolean callInFlight;
    /** Pages in a row that brought nothing new although the inbox reported more. */
    private int emptyPages;
    private Disposable backoff;
    /** Increments with every sync, so a page fetched for an earlier sync is ignored. */
    private int generation;
    /** Whether this catch-up answers a {@code sync} frame (and so ends with {@code synced}). */
    private boolean answersSync;
    /** The sync's cursor came from the device and no page has confirmed the inbox reaches it yet. */
    private boolean cursorUnchecked;

    public InboxStream(DeviceIdentity device, InboxSource inbox, FrameSink frames, int pageSize, int maxHeldBack,
            SyncSettings settings, Scheduler scheduler) {
        this.device = device;
        this.inbox = inbox;
        this.frames = frames;
        this.pageSize = pageSize;
        this.maxHeldBack = maxHeldBack;
        this.settings = settings;
        this.scheduler = scheduler;
    }

    /**
     * The device asks for everything after {@code cursor}, then the live stream. Replaces a sync still running; if
     * its page is being fetched, this one starts when that call returns.
     */
    public synchronized void sync(long cursor) {
        if (state == State.CLOSED) {
            return;
        }
        generation++;
        lastSent = cursor;
        clearHeldBack();
        cancelBackoff();
        fetching = false;
        answersSync = true;
        cursorUnchecked = true;
        state = State.CATCHING_UP;
        fetchNextPage();
    }

    /**
     * Entries chat-service delivers live, in inbox_seq order. Returns false only if the device is not reading and
     * was disconnected.
     */
    public synchronized boolean deliver(List<InboxEntry> entries) {
        switch (state) {
            case AWAITING_SYNC, CLOSED -> {
                return true;
            }
            case CATCHING_UP -> {
                entries.forEach(this::holdBack);
                return true;
            }
            case LIVE -> {
                for (int i = 0; i < entries.size(); i++) {
                    InboxEntry entry = entries.get(i);
                    if (entry.getInboxSeq() <= lastSent) {
                        continue;
                    }
                    if (entry.getInboxSeq() > lastSent + 1) {
                        startGapCatchUp(entries.subList(i, entries.size()));
                        return true;
                    }
                    if (!send(entry, false)) {
                        return false;
                    }
                }
                return true;
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    public synchronized void close() {
        state = State.CLOSED;
        clearHeldBack();
        cancelBackoff();
    }

    private void startGapCatchUp(List<InboxEntry> beyondGap) {
        state = State.CATCHING_UP;
        answersSync = false;
        beyondGap.forEach(this::holdBack);
        fetchNextPage();
    }

    private void holdBack(InboxEntry entry) {
        long inboxSeq = entry.getInboxSeq();
        if (inboxSeq <= lastSent || heldBack.containsKey(inboxSeq)) {
            return;
        }
        int bytes = entry.getSerializedSize();
        if (heldBack.size() < maxHeldBack && heldBackBytes + bytes <= settings.heldBackBytes()) {
            heldBack.put(inboxSeq, entry);
            heldBackBytes += bytes;
        } else {
            seenBeyond = Math.max(seenBeyond, inboxSeq);
        }
    }

    private InboxEntry pollHeldBack() {
        Map.Entry<Long, InboxEntry> first = heldBack.pollFirstEntry();
        heldBackBytes -= first.getValue().getSerializedSize();
        return first.getValue();
    }

    private void clearHeldBack() {
        heldBack.clear();
        heldBackBytes = 0;
        seenBeyond = 0;
    }

    private void fetchNextPage() {
        if (fetching || callInFlight || state != State.CATCHING_UP) {
            return;
        }
        fetching = true;
        int fetchGeneration = generation;
        if (emptyPages == 0) {
            frames.whenRoomForPage(() -> fetch(fetchGeneration));
            return;
        }
        backoff = scheduler.schedule(() -> frames.whenRoomForPage(() -> fetch(fetchGeneration)),
                settings.backoffAfter(emptyPages).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelBackoff() {
        emptyPages = 0;
        if (backoff != null) {
            backoff.dispose();
            backoff = null;
        }
    }

    private void fetch(int fetchGeneration) {
        long after;
        synchronized (this) {
            if (fetchGeneration != generation || state != State.CATCHING_UP || callInFlight) {
                return;
            }
            callInFlight = true;
            after = lastSent;
        }
        inbox.fetch(device, after, pageSize)
                // A call of a replaced sync is not retried: the newer sync waits for it.
                .retryWhen(Retry.backoff(2, RETRY_BACKOFF).maxBackoff(RETRY_BACKOFF_MAX).scheduler(scheduler)
                        .filter(error -> isCurrent(fetchGeneration)))
                .subscribe(page -> onPage(fetchGeneration, page), error -> onFetchFailed(fetchGeneration, error));
    }

    private synchronized boolean isCurrent(int fetchGeneration) {
        return fetchGeneration == generation && state == State.CATCHING_UP;
    }

    private synchronized void onPage(int fetchGeneration, FetchInboxResponse page) {
        callInFlight = false;
        if (fetchGeneration != generation || state != State.CATCHING_UP) {
            fetchNextPage(); // a newer sync may have waited for this call
            return;
        }
        fetching = false;
        if (cursorAheadOfInbox(page)) {
            // Entries up to the device's cursor would be skipped as already processed, live ones included, and the
            // device would see nothing until the inbox passed a cursor it never reached. Start from the newest
            // entry instead; synced then carries that lower cursor, which the device adopts.
            lastSent = page.getLatestInboxSeq();
            clearHeldBack();
            fetchNextPage();
            return;
        }
        long before = lastSent;
        for (InboxEntry entry : page.getEntriesList()) {
            if (entry.getInboxSeq() > lastSent) {
                send(entry, true);
            }
        }
        while (!heldBack.isEmpty() && heldBack.firstKey() <= lastSent) {
            pollHeldBack();
        }
        boolean progressed = lastSent > before;
        if (page.getHasMore()) {
            emptyPages = progressed ? 0 : emptyPages + 1;
            fetchNextPage();
            return;
        }
        emptyPages = 0;
        sendContiguousHeldBack();
        boolean moreKnown = !heldBack.isEmpty() || seenBeyond > lastSent;
        if (moreKnown && lastSent > before) {
            // Entries arrived live beyond what the pages hold; they are persisted, so another page brings them.
            fetchNextPage();
            return;
        }
        // The inbox has nothing more: whatever is held back follows, even across a hole the inbox itself has.
        for (InboxEntry entry : heldBack.values()) {
            send(entry, true);
        }
        clearHeldBack();
        state = State.LIVE;
        if (answersSync) {
            frames.force(new ServerFrame.Synced(lastSent));
        }
    }

    private boolean cursorAheadOfInbox(FetchInboxResponse page) {
        boolean unchecked = cursorUnchecked;
        cursorUnchecked = false;
        return unchecked && page.getEntriesCount() == 0 && !page.getHasMore() && lastSent > page.getLatestInboxSeq();
    }

    private void sendContiguousHeldBack() {
        while (!heldBack.isEmpty() && heldBack.firstKey() == lastSent + 1) {
            send(pollHeldBack(), true);
        }
    }

    private void onFetchFailed(int fetchGeneration, Throwable error) {
        synchronized (this) {
            callInFlight = false;
            if (fetchGeneration != generation || state != State.CATCHING_UP) {
                fetchNextPage();
                return;
            }
            close();
        }
        frames.inboxUnavailable(error);
    }

    /** Sends an entry and moves the stream past it, also when its kind is unknown here (newer chat-service). */
    private boolean send(InboxEntry entry, boolean page) {
        lastSent = entry.getInboxSeq();
        ServerFrame frame = InboxFrames.toFrame(entry);
        if (frame == null) {
            return true;
        }
        if (page) {
            frames.force(frame);
            return true;
        }
        return frames.offer(frame);
    }

    /** Held-back entries and their bytes, for tests. */
    synchronized long heldBackBytes() {
        return heldBackBytes;
    }
}
