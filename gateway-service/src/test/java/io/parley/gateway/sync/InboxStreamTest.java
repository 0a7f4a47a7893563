package io.parley.gateway.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.gateway.auth.DeviceIdentity;
import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.FetchInboxResponse;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class InboxStreamTest {

    private static final DeviceIdentity DEVICE = new DeviceIdentity("user", "device");
    private static final int PAGE_SIZE = 3;

    private final FakeInbox inbox = new FakeInbox();
    private final RecordingSink device = new RecordingSink();

    private InboxStream stream(int maxHeldBack) {
        return new InboxStream(DEVICE, inbox, device, PAGE_SIZE, maxHeldBack);
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
        firstPage.tryEmitValue(page(false, 1, 2));
        inbox.answer(false, 11);

        assertThat(device.sent()).containsExactly("11", "synced 11");
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

    private static FetchInboxResponse page(boolean hasMore, long... inboxSeqs) {
        return FetchInboxResponse.newBuilder().addAllEntries(entries(inboxSeqs)).setHasMore(hasMore).build();
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
            pending.remove(0).tryEmitValue(page(hasMore, inboxSeqs));
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
