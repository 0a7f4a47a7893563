package io.parley.media.upload;

import com.datastax.oss.driver.api.core.cql.Row;
import io.parley.cassandra.async.ReactiveCql;
import io.parley.media.error.MediaException;
import io.parley.proto.error.v1.ErrorReason;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The per-user daily upload quota: the bytes declared in upload requests per UTC day (table upload_quota). A request
 * counts when it is offered, completed or not, so requesting and abandoning uploads cannot get around it.
 */
final class UploadQuota {

    private final ReactiveCql cql;
    private final Clock clock;
    private final long dailyBytes;

    UploadQuota(ReactiveCql cql, Clock clock, long dailyBytes) {
        this.cql = cql;
        this.clock = clock;
        this.dailyBytes = dailyBytes;
    }

    /** Counts {@code size} bytes against today's quota of {@code uploader}; RATE_LIMITED if they do not fit. */
    Mono<Void> take(UUID uploader, long size) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return cql.one("SELECT bytes FROM upload_quota WHERE uploader = ? AND day = ?", uploader, today)
                .map(UploadQuota::bytes)
                .defaultIfEmpty(0L)
                .flatMap(used -> used + size > dailyBytes
                        ? Mono.error(new MediaException(ErrorReason.RATE_LIMITED,
                                "the daily upload quota is used up; uploads are possible again tomorrow (UTC)",
                                Map.of("quota_bytes", Long.toString(dailyBytes))))
                        : cql.run("UPDATE upload_quota SET bytes = bytes + ? WHERE uploader = ? AND day = ?", size, uploader, today));
    }

    private static long bytes(Row row) {
        return row.getLong(0);
    }
}
