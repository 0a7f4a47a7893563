package io.parley.e2e.support;

import io.parley.client.ConnectionState;
import io.parley.client.ParleyClient;
import io.parley.client.ParleyListener;
import io.parley.client.Sent;
import io.parley.protocol.ReceiptKind;
import io.parley.protocol.ServerFrame;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A signed-in device running the SDK against the gateways, recording what its app would see (messages in order,
 * receipts) and what came over the wire (every {@code sent} and {@code error} frame, the gateways it was on).
 */
public final class Device implements ParleyListener, AutoCloseable {

    public final Accounts.SignedInDevice login;
    public final List<ServerFrame.Message> messages = new CopyOnWriteArrayList<>();
    /** When each of {@link #messages} arrived ({@link System#nanoTime()}), for delivery gaps. */
    public final List<Long> messageArrivalNanos = new CopyOnWriteArrayList<>();
    public final List<ServerFrame.Receipt> receipts = new CopyOnWriteArrayList<>();
    public final List<ServerFrame.Error> errors = new CopyOnWriteArrayList<>();
    public final List<String> gatewaysConnectedTo = new CopyOnWriteArrayList<>();
    public final List<String> gaps = new CopyOnWriteArrayList<>();
    public final List<ServerFrame.Presence> presences = new CopyOnWriteArrayList<>();
    /** {@code chat:user:true|false} as the SDK shows typing indicators on and off. */
    public final List<String> typing = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> sentFrames = new ConcurrentHashMap<>();
    private final ParleyClient client;

    private Device(Accounts.SignedInDevice login, List<URI> gateways) {
        this.login = login;
        this.client = ParleyClient.builder()
                .endpoints(gateways)
                .accessToken(login.accessToken())
                .listener(this)
                .reconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(2))
                .sendDeadline(Duration.ofMinutes(3))
                .build();
    }

    /** Connects, trying the gateways in this order, and waits for the first {@code synced}. */
    public static Device connect(Accounts.SignedInDevice login, URI... gateways) {
        Device device = new Device(login, List.of(gateways));
        device.client.connect().orTimeout(60, TimeUnit.SECONDS).join();
        return device;
    }

    public String userId() {
        return login.userId();
    }

    public CompletableFuture<Sent> sendText(String chat, String text) {
        return client.sendText(chat, text);
    }

    public CompletableFuture<Sent> send(String clientMsgId, String chat, String text) {
        return client.send(clientMsgId, chat, "text/plain", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public void markRead(String chat, long upToSeq) {
        client.markRead(chat, upToSeq);
    }

    public ConnectionState state() {
        return client.state();
    }

    /** The gateway this device is connected to now (from its last {@code hello}). */
    public String gateway() {
        return gatewaysConnectedTo.isEmpty() ? null : gatewaysConnectedTo.get(gatewaysConnectedTo.size() - 1);
    }

    public List<ServerFrame.Message> messagesIn(String chat) {
        return messages.stream().filter(message -> message.chat().equals(chat)).toList();
    }

    /** The highest {@code up_to_seq} of the receipts of this kind from {@code user} in {@code chat}. */
    public long receiptWatermark(String chat, String user, ReceiptKind kind) {
        return receipts.stream()
                .filter(receipt -> receipt.chat().equals(chat) && receipt.user().equals(user) && receipt.kind() == kind)
                .mapToLong(ServerFrame.Receipt::upToSeq).max().orElse(0);
    }

    /** How many {@code sent} frames arrived for a client_msg_id (retries included). */
    public int sentFramesFor(String clientMsgId) {
        AtomicInteger count = sentFrames.get(clientMsgId);
        return count == null ? 0 : count.get();
    }

    public Map<String, AtomicInteger> sentFrames() {
        return sentFrames;
    }

    @Override
    public void onMessage(ServerFrame.Message message) {
        messageArrivalNanos.add(System.nanoTime());
        messages.add(message);
    }

    @Override
    public void onReceipt(ServerFrame.Receipt receipt) {
        receipts.add(receipt);
    }

    /** Watches users' presence (and opens the 1:1 chats with them, for typing). */
    public void watch(String... users) {
        client.watchPresence(List.of(users));
    }

    /** The device shows {@code chat}: typing in it reaches this device (group chats; 1:1 chats follow {@link #watch}). */
    public void openChat(String chat) {
        client.openChat(chat);
    }

    public void startTyping(String chat) {
        client.startTyping(chat);
    }

    public void stopTyping(String chat) {
        client.stopTyping(chat);
    }

    /** The latest presence frame about {@code user}, or null. */
    public ServerFrame.Presence lastPresenceOf(String user) {
        ServerFrame.Presence latest = null;
        for (ServerFrame.Presence presence : presences) {
            if (presence.user().equals(user)) {
                latest = presence;
            }
        }
        return latest;
    }

    @Override
    public void onPresence(ServerFrame.Presence presence) {
        presences.add(presence);
    }

    @Override
    public void onTyping(String chat, String user, boolean on) {
        typing.add(chat + ":" + user + ":" + on);
    }

    @Override
    public void onGap(String chat, long fromSeq, long toSeq) {
        gaps.add(chat + ":" + fromSeq + ".." + toSeq);
    }

    @Override
    public void onFrame(ServerFrame frame) {
        if (frame instanceof ServerFrame.Sent sent) {
            sentFrames.computeIfAbsent(sent.clientMsgId(), id -> new AtomicInteger()).incrementAndGet();
        } else if (frame instanceof ServerFrame.Error error) {
            errors.add(error);
        } else if (frame instanceof ServerFrame.Hello hello) {
            gatewaysConnectedTo.add(hello.gateway());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
