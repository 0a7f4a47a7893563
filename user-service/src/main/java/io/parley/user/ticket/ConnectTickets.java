package io.parley.user.ticket;

import io.parley.user.device.Devices;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Single-use connect tickets for browsers, which cannot put an access token on a WebSocket handshake.
 * A ticket lives only in Redis (it is ephemeral by nature: losing one costs a retry) under the SHA-256 of
 * its value, and is redeemed with GETDEL, so of any number of concurrent redemptions exactly one sees it.
 */
@Service
public class ConnectTickets {

    private static final String PREFIX = "connect-ticket:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveStringRedisTemplate redis;
    private final Devices devices;
    private final ConnectTicketSettings settings;
    private final Clock clock;

    ConnectTickets(ReactiveStringRedisTemplate redis, Devices devices, ConnectTicketSettings settings, Clock clock) {
        this.redis = redis;
        this.devices = devices;
        this.settings = settings;
        this.clock = clock;
    }

    Mono<IssuedTicket> issue(UUID userId, UUID deviceId, UUID sessionId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = clock.instant().plus(settings.lifetime());
        return redis.opsForValue()
                .set(key(ticket), userId + ":" + deviceId + ":" + sessionId, settings.lifetime())
                .thenReturn(new IssuedTicket(ticket, expiresAt));
    }

    public Mono<Redemption> redeem(String ticket) {
        if (ticket == null || ticket.isEmpty() || ticket.length() > 128) {
            return Mono.just(new Redemption.Unknown());
        }
        return redis.opsForValue().getAndDelete(key(ticket))
                .flatMap(this::checkDevice)
                .defaultIfEmpty(new Redemption.Unknown());
    }

    private Mono<Redemption> checkDevice(String stored) {
        String[] parts = stored.split(":");
        UUID userId = UUID.fromString(parts[0]);
        UUID deviceId = UUID.fromString(parts[1]);
        return devices.isCurrentSession(userId, deviceId, UUID.fromString(parts[2]))
                .map(current -> current ? new Redemption.Redeemed(userId, deviceId) : new Redemption.DeviceRevoked());
    }

    private static String key(String ticket) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    record IssuedTicket(String ticket, Instant expiresAt) {
    }
}
