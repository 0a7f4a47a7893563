package io.parley.push.delivery;

import com.datastax.oss.driver.api.core.cql.Row;
import com.google.protobuf.InvalidProtocolBufferException;
import io.parley.cassandra.async.ReactiveCql;
import io.parley.proto.chat.v1.PushRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code push_windows}: per user and chat, when the last push went out and the newest request held for the end of
 * that window. Held requests live here, not in memory: their offsets are committed once they are written, and the
 * instance that is assigned their partition next (after a crash or a rebalance) finds them ({@link #heldIn}).
 */
class CollapseWindows {

    /** A user's chat, and the push-requests partition its requests arrive on (the row's partition key). */
    record Key(int partition, UUID userId, String chatId) {

        static Key of(int partition, PushRequest request) {
            return new Key(partition, UUID.fromString(request.getUserId()), request.getEntry().getMessage().getChatId());
        }
    }

    /**
     * @param openedAt  when the window's push went out; the window closes {@code length} later
     * @param pushedSeq the newest message of the chat pushed
     * @param counted   how many messages the chat's notifications stand for since its windows began
     * @param held      the newest request waiting for the window's end, or null
     */
    record Window(Instant openedAt, long pushedSeq, int counted, PushRequest held) {

        Instant closesAt(Duration length) {
            return openedAt.plus(length);
        }

        /** The newest message this window pushed or holds: older ones (replays) add nothing. */
        long newestSeq() {
            return held == null ? pushedSeq : Math.max(pushedSeq, held.getEntry().getMessage().getSeq());
        }
    }

    private final ReactiveCql cql;
    private final int openTtlSeconds;
    private final int heldTtlSeconds;

    CollapseWindows(ReactiveCql cql, Duration length, Duration timeToLive) {
        this.cql = cql;
        // A second more than the window (TTLs are whole seconds): the row is gone only once the window surely closed.
        this.openTtlSeconds = Math.toIntExact(length.plusMillis(999).toSeconds() + 1);
        this.heldTtlSeconds = Math.toIntExact(timeToLive.toSeconds() + openTtlSeconds);
    }

    Mono<Optional<Window>> read(Key key) {
        return cql.one("SELECT opened_at, pushed_seq, counted, held FROM push_windows WHERE kafka_partition = ? "
                        + "AND user_id = ? AND chat_id = ?", key.partition(), key.userId(), key.chatId())
                .map(row -> Optional.of(window(row)))
                .defaultIfEmpty(Optional.empty());
    }

    /** A push went out: a window opens, holding nothing. */
    Mono<Void> open(Key key, Instant at, long pushedSeq, int counted) {
        return write(key, new Window(at, pushedSeq, counted, null), openTtlSeconds);
    }

    /** The window holds {@code window.held()} for its end. */
    Mono<Void> hold(Key key, Window window) {
        return write(key, window, heldTtlSeconds);
    }

    /** The windows of a partition that hold a request, oldest first as stored. */
    Flux<HeldWindow> heldIn(int partition) {
        return cql.all("SELECT user_id, chat_id, opened_at, pushed_seq, counted, held FROM push_windows "
                        + "WHERE kafka_partition = ?", partition)
                .filter(row -> row.getByteBuffer("held") != null)
                .map(row -> new HeldWindow(new Key(partition, row.getUuid("user_id"), row.getString("chat_id")), window(row)));
    }

    record HeldWindow(Key key, Window window) {
    }

    private Mono<Void> write(Key key, Window window, int ttlSeconds) {
        ByteBuffer held = window.held() == null ? null : ByteBuffer.wrap(window.held().toByteArray());
        return cql.run("INSERT INTO push_windows (kafka_partition, user_id, chat_id, opened_at, pushed_seq, counted, held) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) USING TTL ?", key.partition(), key.userId(), key.chatId(),
                window.openedAt(), window.pushedSeq(), window.counted(), held, ttlSeconds);
    }

    private static Window window(Row row) {
        ByteBuffer held = row.getByteBuffer("held");
        try {
            return new Window(row.getInstant("opened_at"), row.getLong("pushed_seq"), row.getInt("counted"),
                    held == null ? null : PushRequest.parseFrom(held));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("push_windows holds an unreadable request", e);
        }
    }
}
