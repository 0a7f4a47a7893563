package io.parley.media.library;

import com.datastax.oss.driver.api.core.cql.Row;
import io.parley.cassandra.async.ReactiveCql;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The media table (keyspace parley_media, V001__media.cql). */
public final class MediaStore {

    private static final String COLUMNS = "media_id, uploader, chat_id, content_type, size, sha256, file_name, state, "
            + "created_at, multipart_upload_id, part_size, shared_in, thumbnail_type";

    private final ReactiveCql cql;

    public MediaStore(ReactiveCql cql) {
        this.cql = cql;
    }

    /** Stores a new item and indexes it by the hour it was requested in, for the sweeper. */
    public Mono<Void> insert(MediaItem item) {
        return cql.run("INSERT INTO media (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        item.mediaId(), item.uploader(), item.chatId(), item.contentType(), item.size(),
                        item.sha256().orElse(null), item.fileName().orElse(null), item.state().name(),
                        item.createdAt(), item.multipartUploadId().orElse(null), item.partSize(), item.sharedIn(),
                        item.thumbnailType().orElse(null))
                .then(cql.run("INSERT INTO media_by_hour (hour, media_id) VALUES (?, ?)", hourOf(item.createdAt()),
                        item.mediaId()));
    }

    public Mono<MediaItem> find(UUID mediaId) {
        return cql.one("SELECT " + COLUMNS + " FROM media WHERE media_id = ?", mediaId).map(MediaStore::item);
    }

    /** PENDING → READY; false if the item was not pending (completed or refused by a concurrent call). */
    public Mono<Boolean> markReady(UUID mediaId, Instant at) {
        return cql.applied("UPDATE media SET state = 'READY', completed_at = ?, multipart_upload_id = null "
                + "WHERE media_id = ? IF state = 'PENDING'", at, mediaId);
    }

    public Mono<Void> recordThumbnail(UUID mediaId, String contentType) {
        return cql.run("UPDATE media SET thumbnail_type = ? WHERE media_id = ?", contentType, mediaId);
    }

    public Mono<Void> markRejected(UUID mediaId) {
        return cql.run("UPDATE media SET state = 'REJECTED' WHERE media_id = ?", mediaId);
    }

    /** Adds {@code chatId} to the chats the item was shared in; sharing twice is one share. */
    public Mono<Void> share(UUID mediaId, String chatId) {
        return cql.run("UPDATE media SET shared_in = shared_in + ? WHERE media_id = ?", Set.of(chatId), mediaId);
    }

    /** Ids of the items requested in the hour starting at {@code hour}. */
    public Flux<UUID> requestedIn(Instant hour) {
        return cql.all("SELECT media_id FROM media_by_hour WHERE hour = ?", hourOf(hour)).map(row -> row.getUuid(0));
    }

    /** Removes an item from the sweeper's index (it is shared, or gone). */
    public Mono<Void> unindex(Instant hour, UUID mediaId) {
        return cql.run("DELETE FROM media_by_hour WHERE hour = ? AND media_id = ?", hourOf(hour), mediaId);
    }

    /** Forgets an item; deleting twice is fine. */
    public Mono<Void> delete(UUID mediaId, Instant createdAt) {
        return cql.run("DELETE FROM media WHERE media_id = ?", mediaId)
                .then(unindex(createdAt, mediaId));
    }

    public static Instant hourOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS);
    }

    private static MediaItem item(Row row) {
        return new MediaItem(row.getUuid("media_id"), row.getUuid("uploader"), row.getString("chat_id"),
                row.getString("content_type"), row.getLong("size"), Optional.ofNullable(row.getString("sha256")),
                Optional.ofNullable(row.getString("file_name")), MediaState.valueOf(row.getString("state")),
                row.getInstant("created_at"), Optional.ofNullable(row.getString("multipart_upload_id")),
                row.getLong("part_size"), row.getSet("shared_in", String.class),
                Optional.ofNullable(row.getString("thumbnail_type")));
    }
}
