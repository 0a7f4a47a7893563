package io.parley.chat.receipts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * What this instance last stored of two values that only ever move forward: each device's acked cursor and each
 * member's delivered watermark per chat. A remembered value is a floor of the stored one (stored after the write
 * succeeded; the stored value cannot move back), so reading it instead of Cassandra can only make an ack rescan a
 * few rows or publish a receipt another instance already published (receipts are watermarks: harmless), never
 * skip one. It saves the two reads an ack would otherwise start with.
 */
final class AckProgress {

    private final Cache<DeviceKey, Long> cursors;
    private final Cache<MemberKey, Long> delivered;

    AckProgress(int maxRemembered, Duration forgetAfter) {
        this.cursors = Caffeine.newBuilder().maximumSize(maxRemembered).expireAfterAccess(forgetAfter).build();
        this.delivered = Caffeine.newBuilder().maximumSize(maxRemembered).expireAfterAccess(forgetAfter).build();
    }

    OptionalLong cursor(String userId, String deviceId) {
        Long cursor = cursors.getIfPresent(new DeviceKey(userId, deviceId));
        return cursor == null ? OptionalLong.empty() : OptionalLong.of(cursor);
    }

    void cursorStored(String userId, String deviceId, long cursor) {
        cursors.asMap().merge(new DeviceKey(userId, deviceId), cursor, Math::max);
    }

    OptionalLong delivered(String chatId, String userId) {
        Long seq = delivered.getIfPresent(new MemberKey(chatId, userId));
        return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
    }

    void deliveredStored(String chatId, String userId, long seq) {
        delivered.asMap().merge(new MemberKey(chatId, userId), seq, Math::max);
    }

    private record DeviceKey(String userId, String deviceId) {
    }

    private record MemberKey(String chatId, String userId) {
    }
}
