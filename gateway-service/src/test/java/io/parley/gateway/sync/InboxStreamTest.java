package io.parley.gateway.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.gateway.auth.DeviceIdentity;
import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.FetchInboxResponse;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.protocol.ServerFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

class InboxStreamTest {

    private static final DeviceIdentity DEVICE = new DeviceIdentity("user", "device");
    private static final int PAGE_SIZE = 3;

    private final FakeInbox inbox = new FakeInbox();
    private final RecordingSink device = new RecordingSink();

    private static final SyncSettings SETTINGS =
            new SyncSettings(1, 5, 65_536, Duration.ofMillis(100), Duration.ofMillis(800));

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

    private InboxStream stream(int maxHeldBack) {
        return stream(maxHeldBack, SETTINGS);
    }

    private InboxStream stream(int maxHeldBack, SyncSettings settings) {
        return new InboxStream(DEVICE, inbox, device, PAGE_SIZE, maxHeldBack, settings, time);
    }

    @Test
    void syncSendsTheInboxAfterTheCursorPageByPageThenSynced() {
        InboxStream stream = stream(16);

        stream.sync(5);
        assertThat(inbox.fetchedAfter()).containsExactly(5L);
        inbox.answer(true, 6, 7, 8);
        assertThat(inbox.fetchedAfter()).containsExactly(5L, 8L);
        inbox.answer(false, 9);

        assertThat(device.sent()).containsExactly("6", "7", "8", "9", "synced 9");
    }

    @Test
    void liveEntriesArrivingWhileAPageIsInFlightAreHeldBackAndFollowThePageWithoutDuplicates() {
        InboxStream stream = stream(16);
        stream.sync(0);

        assertThat(stream.deliver(entries(3, 4))).isTrue();
        assertThat(device.sent()).as("nothing overtakes the page").isEmpty();
        inbox.answer(false, 1, 2, 3);

        assertThat(device.sent()).containsExactly("1", "2", "3", "4", "synced 4");
    }

    @Test
    void liveEntriesBeyondTheHoldBackBoundAreFetchedFromTheInboxBeforeSynced() {
        InboxStream stream = stream(2);
        stream.sync(0);
        stream.deliver(entries(2, 3, 4, 5));

        inbox.answer(false, 1);
        assertThat(inbox.fetchedAfter()).containsExactly(0L, 3L);
        inbox.answer(false, 4, 5);

        assertThat(device.sent()).containsExactly("1", "2", "3", "4", "5", "synced 5");
    }

    @Test
    void aGapInTheLiveStreamIsFilledFromTheInboxBeforeAnyLaterEntry() {
        InboxStream stream = stream(16);
        stream.sync(0);
        inbox.answer(false);
        stream.deliver(entries(1));

        stream.deliver(entries(3));
        assertThat(inbox.fetchedAfter()).containsExactly(0L, 1L);
        stream.deliver(entries(4));
        inbox.answer(false, 2, 3);
        stream.deliver(entries(5));

        assertThat(device.sent()).as("a gap fill answers no sync, so no second synced")
                .containsExactly("synced 0", "1", "2", "3", "4", "5");
    }

    @Test
    void liveEntriesAlreadySentAreIgnored() {
        InboxStream stream = stream(16);
        stream.sync(0);
        inbox.answer(false, 1, 2);

        stream.deliver(entries(1, 2));
        stream.deliver(entries(2, 3));

        assertThat(device.sent()).containsExactly("1", "2", "synced 2", "3");
    }

    @Test
    void liveEntriesBeforeTheFirstSyncAreLeftToTheSyncPages() {
        InboxStream stream = stream(16);

        assertThat(stream.deliver(entries(1))).isTrue();

        assertThat(device.sent()).isEmpty();
        assertThat(inbox.fetchedAfter()).isEmpty();
    }

    @Test
    void aCursorAheadOfTheInboxStartsFromItsNewestEntrySoLaterEntriesAreNotSkipped() {
        InboxStream stream = stream(16);
        stream.sync(1_000);
        stream.deliver(entries(6));
        inbox.answerNothingAfter(5);

        assertThat(inbox.fetchedAfter()).as("read again from the inbox's newest entry").containsExactly(1_000L, 5L);
        stream.deliver(entries(7));
        inbox.answer(false, 6);
        stream.deliver(entries(8));

        assertThat(device.sent()).as("synced tells the device the cursor it must adopt")
                .containsExactly("6", "7", "synced 7", "8");
    }

    @Test
    void aCursorAtTheNewestEntryIsKept() {
        InboxStream stream = stream(16);
        stream.sync(5);
        inbox.answerNothingAfter(5);
        stream.deliver(entries(6));

        assertThat(device.sent()).containsExactly("synced 5", "6");
        assertThat(inbox.fetchedAfter()).containsExactly(5L);
    }

    @Test
    void aPageArrivingAfterCloseIsDroppedAndNothingMoreIsFetched() {
        InboxStream stream = stream(16);
        stream.sync(0);
        stream.deliver(entries(4));

        stream.close();
        inbox.answer(true, 1, 2, 3);

        assertThat(device.sent()).isEmpty();
        assertThat(inbox.fetchedAfter()).containsExactly(0L);
        assertThat(stream.deliver(entries(5))).isTrue();
        assertThat(device.sent()).isEmpty();
    }

    @Test
    void aNewSyncDiscardsThePageOfTheSyncItReplaces() {
        InboxStream stream = stream(16);
        stream.sync(0);
        Sinks.One<FetchInboxResponse> firstPage = inbox.pending.remove(0);

        stream.sync(10);
        firstPage.tryEmitValue(page(0, false, 1, 2));
        inbox.answer(false, 11);

        assertThat(device.sent()).containsExactly("11", "synced 11");
    }

    @Test
    void syncsArrivingWhileAPageIsFetchedStartNoSecondFetchAndTheLatestOneRunsAfterIt() {
        InboxStream stream = stream(16);
        stream.sync(0);

        stream.sync(5);
        stream.sync(10);
        assertThat(inbox.fetchedAfter()).as("one fetch at a time").containsExactly(0L);
        inbox.answer(true, 1, 2, 3);
        assertThat(inbox.fetchedAfter()).as("the latest sync, once the running call returned").containsExactly(0L, 10L);
        inbox.answer(false, 11);

        assertThat(device.sent()).containsExactly("11", "synced 11");
    }

    @Test
    void aSyncWaitingForARunningCallStartsAlsoWhenThatCallFails() {
        InboxStream stream = stream(16);
        stream.sync(0);
        Sinks.One<FetchInboxResponse> firstPage = inbox.pending.remove(0);

        stream.sync(10);
        firstPage.tryEmitError(new IllegalArgumentException("not retried: it is the replaced sync's"));

        assertThat(inbox.fetchedAfter()).containsExactly(0L, 10L);
        inbox.answer(false);
        assertThat(device.sent()).containsExactly("synced 10");
    }

    @Test
    void aPageThatBringsNothingAlthoughTheInboxHasMoreIsRefetchedAfterAGrowingBoundedWait() {
        InboxStream stream = stream(16);
        stream.sync(0);
        inbox.answer(true, 1);
        assertThat(inbox.fetchedAfter()).as("progress: at once").containsExactly(0L, 1L);

        inbox.answer(true);
        assertThat(inbox.fetchedAfter()).as("a gap: no immediate refetch").hasSize(2);
        time.advanceTimeBy(Duration.ofMillis(99));
        assertThat(inbox.fetchedAfter()).hasSize(2);
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(inbox.fetchedAfter()).hasSize(3);

        List<Long> waits = new ArrayList<>();
        for (int emptyPage = 2; emptyPage <= 6; emptyPage++) {
            inbox.answer(true);
            waits.add(millisUntilNextFetch());
        }
        assertThat(waits).as("doubling up to the maximum").containsExactly(200L, 400L, 800L, 800L, 800L);

        inbox.answer(true, 2);
        assertThat(inbox.fetchedAfter()).as("progress resets the wait").last().isEqualTo(2L);
        inbox.answer(false, 3);
        assertThat(device.sent()).containsExactly("1", "2", "3", "synced 3");
    }

    @Test
    void aSyncDuringTheWaitAfterAnEmptyPageStartsAtOnce() {
        InboxStream stream = stream(16);
        stream.sync(0);
        inbox.answer(true);

        stream.sync(7);

        assertThat(inbox.fetchedAfter()).containsExactly(0L, 7L);
        inbox.answer(false);
        time.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(inbox.fetchedAfter()).as("the cancelled wait fetches nothing").hasSize(2);
        assertThat(device.sent()).containsExactly("synced 7");
    }

    @Test
    void liveEntriesBeyondTheHeldBackBytesAreLeftToTheInboxAndStillArriveInOrder() {
        InboxEntry big = bigEntry(2);
        int entriesInBound = 65_536 / big.getSerializedSize();
        InboxStream stream = stream(1024);
        stream.sync(0);
        long last = entriesInBound + 3;

        stream.deliver(LongStream.rangeClosed(2, last).mapToObj(InboxStreamTest::bigEntry).toList());

        assertThat(stream.heldBackBytes()).isLessThanOrEqualTo(65_536).isGreaterThan(65_536 - big.getSerializedSize());
        inbox.answer(false, 1);
        assertThat(inbox.fetchedAfter()).as("what was not held back comes from the inbox")
                .containsExactly(0L, (long) entriesInBound + 1);
        inbox.answer(false, LongStream.rangeClosed(entriesInBound + 2, last).toArray());
        List<String> expected = new ArrayList<>(LongStream.rangeClosed(1, last).mapToObj(Long::toString).toList());
        expected.add("synced " + last);
        assertThat(device.sent()).containsExactlyElementsOf(expected);
        assertThat(stream.heldBackBytes()).isZero();
    }

    private long millisUntilNextFetch() {
        int fetches = inbox.fetchedAfter().size();
        long waited = 0;
        while (inbox.fetchedAfter().size() == fetches) {
            time.advanceTimeBy(Duration.ofMillis(1));
            waited++;
            assertThat(waited).as("a refetch within the maximum wait").isLessThanOrEqualTo(800);
        }
        return waited;
    }

    private static InboxEntry bigEntry(long inboxSeq) {
        return InboxEntry.newBuilder(entry(inboxSeq))
                .setMessage(ChatMessage.newBuilder(entry(inboxSeq).getMessage())
                        .setBody(com.google.protobuf.ByteString.copyFrom(new byte[10_000])))
                .build();
    }

    @Test
    void aPageIsFetchedOnlyWhenTheQueueHasRoomForIt() {
        device.roomForPage = false;
        InboxStream stream = stream(16);

        stream.sync(0);
        assertThat(inbox.fetchedAfter()).isEmpty();
        device.makeRoom();

        assertThat(inbox.fetchedAfter()).containsExactly(0L);
    }

    @Test
    void aDeviceTooSlowForALiveEntryIsReportedSoChatServiceSeesOverloaded() {
        InboxStream stream = stream(16);
        stream.sync(0);
        inbox.answer(false);
        device.full = true;

        assertThat(stream.deliver(entries(1))).isFalse();
    }

    private static List<InboxEntry> entries(long... inboxSeqs) {
        return LongStream.of(inboxSeqs).mapToObj(InboxStreamTest::entry).toList();
    }

    private static InboxEntry entry(long inboxSeq) {
        return InboxEntry.newBuilder().setInboxSeq(inboxSeq)
                .setMessage(ChatMessage.newBuilder().setMessageId("m" + inboxSeq).setChatId("d:a:b").setSeq(inboxSeq))
                .build();
    }

    /** A page as chat-service answers it: the newest inbox_seq is at least the page's last and the cursor. */
    private static FetchInboxResponse page(long after, boolean hasMore, long... inboxSeqs) {
        long newest = Math.max(after, LongStream.of(inboxSeqs).max().orElse(0)) + (hasMore ? 1 : 0);
        return pageWithNewest(newest, hasMore, inboxSeqs).build();
    }

    private static FetchInboxResponse.Builder pageWithNewest(long newest, boolean hasMore, long... inboxSeqs) {
        return FetchInboxResponse.newBuilder().addAllEntries(entries(inboxSeqs)).setHasMore(hasMore)
                .setLatestInboxSeq(newest);
    }

    /** The inbox: every fetch waits until the test answers it. */
    private static final class FakeInbox implements InboxSource {
        final List<Long> after = new ArrayList<>();
        final List<Sinks.One<FetchInboxResponse>> pending = new ArrayList<>();

        @Override
        public Mono<FetchInboxResponse> fetch(DeviceIdentity device, long afterInboxSeq, int limit) {
            assertThat(device).isEqualTo(DEVICE);
            assertThat(limit).isEqualTo(PAGE_SIZE);
            after.add(afterInboxSeq);
            Sinks.One<FetchInboxResponse> answer = Sinks.one();
            pending.add(answer);
            return answer.asMono();
        }

        List<Long> fetchedAfter() {
            return after;
        }

        void answer(boolean hasMore, long... inboxSeqs) {
            assertThat(pending).as("a fetch waiting for its page").isNotEmpty();
            long fetchedAfter = after.get(after.size() - pending.size());
            pending.remove(0).tryEmitValue(page(fetchedAfter, hasMore, inboxSeqs));
        }

        /** The inbox's newest entry is {@code newest}, and there is nothing after the fetch's cursor. */
        void answerNothingAfter(long newest) {
            assertThat(pending).as("a fetch waiting for its page").isNotEmpty();
            pending.remove(0).tryEmitValue(pageWithNewest(newest, false).build());
        }
    }

    /** The connection's queue, as the inbox stream sees it. */
    private static final class RecordingSink implements FrameSink {
        final List<ServerFrame> frames = new ArrayList<>();
        boolean full;
        boolean roomForPage = true;
        Runnable waitingForRoom;

        @Override
        public boolean offer(ServerFrame frame) {
            if (full) {
                return false;
            }
            frames.add(frame);
            return true;
        }

        @Override
        public void force(ServerFrame frame) {
            frames.add(frame);
        }

        @Override
        public void whenRoomForPage(Runnable action) {
            if (roomForPage) {
                action.run();
            } else {
                waitingForRoom = action;
            }
        }

        void makeRoom() {
            roomForPage = true;
            Runnable action = waitingForRoom;
            waitingForRoom = null;
            action.run();
        }

        @Override
        public void inboxUnavailable(Throwable cause) {
            throw new AssertionError("inbox unavailable", cause);
        }

        List<String> sent() {
            return frames.stream().map(RecordingSink::describe).toList();
        }

        private static String describe(ServerFrame frame) {
            if (frame instanceof ServerFrame.Message message) {
                return Long.toString(message.inboxSeq());
            }
            if (frame instanceof ServerFrame.Synced synced) {
                return "synced " + synced.cursor();
            }
            return frame.type() + Arrays.toString(new Object[] {frame});
        }
    }
}
