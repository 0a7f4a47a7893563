package io.parley.gateway.sync;

import io.parley.gateway.auth.DeviceIdentity;
import io.parley.proto.chat.v1.FetchInboxResponse;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.protocol.ServerFrame;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * <p>Before the first {@code sync}, live entries are dropped: the sync's pages will contain them.
 */
public final class InboxStream {

    private static final Retry FETCH_RETRY = Retry.backoff(2, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(2));

    private enum State { AWAITING_SYNC, CATCHING_UP, LIVE, CLOSED }

    private final DeviceIdentity device;
    private final InboxSource inbox;
    private final FrameSink frames;
    private final int pageSize;
    private final int maxHeldBack;

    private State state = State.AWAITING_SYNC;
    private long lastSent;
    /** Live entries that arrived while catching up, by inbox_seq. */
    private final TreeMap<Long, InboxEntry> heldBack = new TreeMap<>();
    /** The highest inbox_seq seen live but not held back (the hold-back bound was reached). */
    private long seenBeyond;
    private boolean fetching;
    /** Increments with every sync, so a page fetched for an earlier sync is ignored. */
    private int generation;
    /** Whether this catch-up answers a {@code sync} frame (and so ends with {@code synced}). */
    private boolean answersSync;

    public InboxStream(DeviceIdentity device, InboxSource inbox, FrameSink frames, int pageSize, int maxHeldBack) {
        this.device = device;
        this.inbox = inbox;
        this.frames = frames;
        this.pageSize = pageSize;
        this.maxHeldBack = maxHeldBack;
    }

    /** The device asks for everything after {@code cursor}, then the live stream. */
    public synchronized void sync(long cursor) {
        if (state == State.CLOSED) {
            return;
        }
        generation++;
        lastSent = cursor;
        heldBack.clear();
        seenBeyond = 0;
        fetching = false;
        answersSync = true;
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
        heldBack.clear();
    }

    private void startGapCatchUp(List<InboxEntry> beyondGap) {
        state = State.CATCHING_UP;
        answersSync = false;
        beyondGap.forEach(this::holdBack);
        fetchNextPage();
    }

    private void holdBack(InboxEntry entry) {
        if (entry.getInboxSeq() <= lastSent) {
            return;
        }
        if (heldBack.size() < maxHeldBack) {
            heldBack.put(entry.getInboxSeq(), entry);
        } else {
            seenBeyond = Math.max(seenBeyond, entry.getInboxSeq());
        }
    }

    private void fetchNextPage() {
        if (fetching || state != State.CATCHING_UP) {
            return;
        }
        fetching = true;
        int fetchGeneration = generation;
        frames.whenRoomForPage(() -> fetch(fetchGeneration));
    }

    private void fetch(int fetchGeneration) {
        long after;
        synchronized (this) {
            if (fetchGeneration != generation || state != State.CATCHING_UP) {
                return;
            }
            after = lastSent;
        }
        inbox.fetch(device, after, pageSize)
                .retryWhen(FETCH_RETRY)
                .subscribe(page -> onPage(fetchGeneration, page), error -> onFetchFailed(fetchGeneration, error));
    }

    private synchronized void onPage(int fetchGeneration, FetchInboxResponse page) {
        if (fetchGeneration != generation || state != State.CATCHING_UP) {
            return;
        }
        fetching = false;
        long before = lastSent;
        for (InboxEntry entry : page.getEntriesList()) {
            if (entry.getInboxSeq() > lastSent) {
                send(entry, true);
            }
        }
        heldBack.headMap(lastSent, true).clear();
        if (page.getHasMore()) {
            fetchNextPage();
            return;
        }
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
        heldBack.clear();
        seenBeyond = 0;
        state = State.LIVE;
        if (answersSync) {
            frames.force(new ServerFrame.Synced(lastSent));
        }
    }

    private void sendContiguousHeldBack() {
        for (Map.Entry<Long, InboxEntry> next = heldBack.firstEntry(); next != null && next.getKey() == lastSent + 1;
                next = heldBack.firstEntry()) {
            heldBack.pollFirstEntry();
            send(next.getValue(), true);
        }
    }

    private void onFetchFailed(int fetchGeneration, Throwable error) {
        synchronized (this) {
            if (fetchGeneration != generation || state != State.CATCHING_UP) {
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
}
