package io.parley.chat;

import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.google.protobuf.ByteString;
import com.google.rpc.ErrorInfo;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.parley.auth.fixtures.TestSecurity;
import io.parley.auth.fixtures.TestTokens;
import io.parley.chat.chats.ChatId;
import io.parley.chat.support.FakeGateway;
import io.parley.doubles.FakeMediaLibrary;
import io.parley.chat.support.TopicReader;
import io.parley.doubles.FakeUserDirectory;
import io.parley.doubles.GrpcServerPort;
import io.parley.proto.chat.v1.ChangeMembershipRequest;
import io.parley.proto.chat.v1.ChangeMembershipResponse;
import io.parley.proto.chat.v1.ChatMembershipGrpc;
import io.parley.proto.chat.v1.ChatServiceGrpc;
import io.parley.proto.chat.v1.FetchInboxRequest;
import io.parley.proto.chat.v1.FetchInboxResponse;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.MembershipCommand;
import io.parley.proto.chat.v1.PushRequest;
import io.parley.proto.chat.v1.MessageSubmitted;
import io.parley.proto.chat.v1.SendRequest;
import io.parley.proto.chat.v1.SendResponse;
import io.parley.testkit.CassandraExtension;
import io.parley.testkit.KafkaExtension;
import io.parley.testkit.RedisExtension;
import io.parley.testkit.ServiceIdentityCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of chat-service's integration tests: the whole service against real Kafka, Cassandra and Redis (one
 * server each per test JVM), the test doubles of user-service's UserDirectory and of a gateway's Delivery
 * service speaking the real gRPC contracts, and ONE Spring context shared by every subclass (same
 * configuration, same keyspace and topics for the whole JVM). Tests isolate themselves with fresh user ids.
 */
@Tag("integration")
@Timeout(180)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        "parley.chat.topics.messages.partitions=4",
        "parley.chat.topics.inbox.partitions=4",
        "parley.chat.topics.push-requests.partitions=2",
        "parley.chat.send.kafka-timeout=6s",
        "parley.auth.jwks-uri=http://127.0.0.1:1/unused",
        "parley.auth.issuer=" + TestTokens.ISSUER})
@AutoConfigureWebTestClient
@AutoConfigureTracing
@Import({TestSecurity.class, GrpcServerPort.class})
public abstract class ChatServiceIntegrationTest {

    @RegisterExtension
    protected static final KafkaExtension KAFKA = new KafkaExtension();
    @RegisterExtension
    protected static final RedisExtension REDIS = new RedisExtension();
    @RegisterExtension
    protected static final CassandraExtension CASSANDRA = new CassandraExtension();

    /** One name per JVM, so every test class gets the same (cached) context. */
    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    protected static final String MESSAGES = "messages-" + RUN;
    protected static final String INBOX = "inbox-" + RUN;
    protected static final String PUSH_REQUESTS = "push-requests-" + RUN;
    protected static final String KEYSPACE = "chat_it_" + RUN;
    protected static final FakeUserDirectory DIRECTORY = FakeUserDirectory.shared();
    protected static final FakeMediaLibrary MEDIA = FakeMediaLibrary.instance();
    protected static final FakeGateway GATEWAY = new FakeGateway();
    /** By caller, for the whole JVM (like the context). */
    private static final Map<String, ManagedChannel> CHANNELS = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("parley.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("parley.redis.url", REDIS::uri);
        registry.add("parley.cassandra.contact-points",
                () -> CASSANDRA.contactPoint().getHostString() + ":" + CASSANDRA.contactPoint().getPort());
        registry.add("parley.cassandra.local-datacenter", CASSANDRA::localDatacenter);
        registry.add("parley.cassandra.keyspace", () -> KEYSPACE);
        registry.add("parley.chat.topics.messages.name", () -> MESSAGES);
        registry.add("parley.chat.topics.inbox.name", () -> INBOX);
        registry.add("parley.chat.topics.push-requests.name", () -> PUSH_REQUESTS);
        registry.add("parley.chat.user-directory.address", FakeUserDirectory::sharedAddress);
        registry.add("parley.chat.media-library.address", MEDIA::address);
    }

    @Autowired
    protected CqlSession cql;
    @Autowired
    protected WebTestClient http;
    @Autowired
    private GrpcServerPort grpcPort;

    protected ChatServiceGrpc.ChatServiceBlockingStub chat() {
        return ChatServiceGrpc.newBlockingStub(channelAs("gateway-service")).withDeadlineAfter(Duration.ofSeconds(30));
    }

    /** A channel to this chat-service as {@code caller} would open it (its allow-list admits each caller to some calls). */
    protected ManagedChannel channelAs(String caller) {
        return CHANNELS.computeIfAbsent(caller, name -> Grpc.newChannelBuilderForAddress("127.0.0.1", grpcPort.get(),
                ServiceIdentityCredentials.callingAs(name)).build());
    }

    protected static String newUser() {
        return UUID.randomUUID().toString();
    }

    protected static ChatId chatOf(String userA, String userB) {
        return ChatId.direct(userA, userB);
    }

    protected SendResponse send(String userId, String deviceId, ChatId chat, String clientMsgId, String text) {
        return chat().send(SendRequest.newBuilder().setUserId(userId).setDeviceId(deviceId).setClientMsgId(clientMsgId)
                .setChatId(chat.value()).setContentType("text/plain").setBody(ByteString.copyFromUtf8(text)).build());
    }

    /** Sends {@code count} text messages {@code m-0 .. m-<count-1>} one after the other. */
    protected List<SendResponse> sendMany(String userId, String deviceId, ChatId chat, int count) {
        List<SendResponse> sent = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sent.add(send(userId, deviceId, chat, deviceId + "-m-" + i, "message " + i));
        }
        return sent;
    }

    /** A MessageSubmitted as the send path produces it, for tests that write topic {@code messages} directly. */
    protected static MessageSubmitted submitted(String messageId, ChatId chat, String sender, String clientMsgId) {
        return MessageSubmitted.newBuilder().setMessageId(messageId).setChatId(chat.value()).setSenderUserId(sender)
                .setSenderDeviceId("phone").setClientMsgId(clientMsgId).setContentType("text/plain")
                .setBody(ByteString.copyFromUtf8(clientMsgId)).setSubmittedAtEpochMillis(System.currentTimeMillis()).build();
    }

    /** A membership command to a group chat as group-service sends it, answered once the chat's writer decided it. */
    protected ChangeMembershipResponse changeGroup(String chatId, String actor, MembershipCommand.Builder command) {
        return ChatMembershipGrpc.newBlockingStub(channelAs("group-service")).withDeadlineAfter(Duration.ofSeconds(30))
                .changeMembership(ChangeMembershipRequest.newBuilder().setChatId(chatId)
                        .setCommandId(UUID.randomUUID().toString()).setActorUserId(actor)
                        .setCommand(command.setMaxMembers(command.getMaxMembers() == 0 ? 1024 : command.getMaxMembers()))
                        .build());
    }

    protected TopicReader topics() {
        return new TopicReader(KAFKA.bootstrapServers());
    }

    /** The seqs stored for a chat, ascending (at most 5,000 messages). */
    protected List<Long> storedSeqs(ChatId chat) {
        List<Long> seqs = new ArrayList<>();
        for (long bucket = 0; bucket < 5; bucket++) {
            for (Row row : cql.execute("SELECT seq FROM messages_by_chat WHERE chat_id = ? AND bucket = ? ORDER BY seq ASC",
                    chat.value(), bucket)) {
                seqs.add(row.getLong(0));
            }
        }
        return seqs;
    }

    protected void awaitStored(ChatId chat, int count) {
        await().atMost(Duration.ofSeconds(90)).until(() -> storedSeqs(chat).size() >= count);
    }

    /** The user's whole inbox, through FetchInbox. */
    protected List<InboxEntry> inbox(String userId) {
        List<InboxEntry> entries = new ArrayList<>();
        long after = 0;
        FetchInboxResponse page;
        do {
            page = chat().fetchInbox(FetchInboxRequest.newBuilder().setUserId(userId).setDeviceId("test")
                    .setAfterInboxSeq(after).setLimit(500).build());
            entries.addAll(page.getEntriesList());
            after = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).getInboxSeq();
        } while (page.getHasMore() && !page.getEntriesList().isEmpty());
        return entries;
    }

    protected List<InboxEntry> awaitInbox(String userId, int count) {
        await().atMost(Duration.ofSeconds(90)).until(() -> inbox(userId).size() >= count);
        return inbox(userId);
    }

    /** The push requests produced for the user so far, in order. */
    protected List<PushRequest> pushRequestsFor(String userId) {
        return pushRecordsFor(userId).stream().filter(PushRequest::hasEntry).toList();
    }

    /** The read notices (push-requests records with {@code read}) produced for the user, in order. */
    protected List<PushRequest> readNoticesFor(String userId) {
        return pushRecordsFor(userId).stream().filter(PushRequest::hasRead).toList();
    }

    private List<PushRequest> pushRecordsFor(String userId) {
        return topics().readAll(PUSH_REQUESTS).stream().filter(record -> userId.equals(record.key())).map(record -> {
            try {
                return PushRequest.parseFrom(record.value());
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    protected static ErrorInfo errorInfo(StatusRuntimeException failure) {
        try {
            return StatusProto.fromThrowable(failure).getDetails(0).unpack(ErrorInfo.class);
        } catch (Exception e) {
            throw new AssertionError("no ErrorInfo in " + failure, e);
        }
    }
}
