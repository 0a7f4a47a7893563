package io.parley.presence.support;

import io.grpc.Grpc;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.parley.proto.user.v1.CheckBlockedRequest;
import io.parley.proto.user.v1.CheckBlockedResponse;
import io.parley.proto.user.v1.GetPrivacyRequest;
import io.parley.proto.user.v1.GetPrivacyResponse;
import io.parley.proto.user.v1.IsContactRequest;
import io.parley.proto.user.v1.IsContactResponse;
import io.parley.proto.user.v1.LastSeenVisibility;
import io.parley.proto.user.v1.UserDirectoryGrpc;
import io.parley.testkit.ServiceIdentityCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * user-service's UserDirectory as presence asks it, over a real gRPC socket: every user's last seen is visible to
 * everyone unless a test sets it; blocks and contacts are set by tests.
 */
public final class FakeUserDirectory extends UserDirectoryGrpc.UserDirectoryImplBase {

    private static final FakeUserDirectory INSTANCE = new FakeUserDirectory();

    private final Map<String, LastSeenVisibility> lastSeen = new ConcurrentHashMap<>();
    private final Set<String> blocks = ConcurrentHashMap.newKeySet();
    private final Set<String> contacts = ConcurrentHashMap.newKeySet();
    private final Server server;

    private FakeUserDirectory() {
        try {
            server = Grpc.newServerBuilderForPort(0, ServiceIdentityCredentials.serving("user-service")).addService(this).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    }

    /** One per test JVM, like the other servers. */
    public static FakeUserDirectory instance() {
        return INSTANCE;
    }

    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    public void lastSeen(String userId, LastSeenVisibility visibility) {
        lastSeen.put(userId, visibility);
    }

    public void block(String blocker, String blocked) {
        blocks.add(blocker + ">" + blocked);
    }

    /** {@code owner} has {@code contact} in their contact list. */
    public void addContact(String owner, String contact) {
        contacts.add(owner + ">" + contact);
    }

    @Override
    public void getPrivacy(GetPrivacyRequest request, StreamObserver<GetPrivacyResponse> responses) {
        if (request.getUserId().startsWith("ghost")) {
            responses.onError(Status.NOT_FOUND.withDescription("USER_NOT_FOUND").asRuntimeException());
            return;
        }
        responses.onNext(GetPrivacyResponse.newBuilder()
                .setLastSeen(lastSeen.getOrDefault(request.getUserId(), LastSeenVisibility.LAST_SEEN_VISIBILITY_EVERYONE))
                .setReadReceipts(true).build());
        responses.onCompleted();
    }

    @Override
    public void checkBlocked(CheckBlockedRequest request, StreamObserver<CheckBlockedResponse> responses) {
        responses.onNext(CheckBlockedResponse.newBuilder()
                .setBlockedByTarget(blocks.contains(request.getTargetUserId() + ">" + request.getUserId()))
                .setBlocksTarget(blocks.contains(request.getUserId() + ">" + request.getTargetUserId()))
                .build());
        responses.onCompleted();
    }

    @Override
    public void isContact(IsContactRequest request, StreamObserver<IsContactResponse> responses) {
        responses.onNext(IsContactResponse.newBuilder()
                .setIsContact(contacts.contains(request.getUserId() + ">" + request.getContactUserId())).build());
        responses.onCompleted();
    }
}
