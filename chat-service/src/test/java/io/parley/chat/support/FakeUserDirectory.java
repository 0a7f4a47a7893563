package io.parley.chat.support;

import io.grpc.Grpc;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.parley.proto.user.v1.CheckBlockedRequest;
import io.parley.proto.user.v1.CheckBlockedResponse;
import io.parley.proto.user.v1.GetPrivacyRequest;
import io.parley.proto.user.v1.GetPrivacyResponse;
import io.parley.proto.user.v1.UserDirectoryGrpc;
import io.parley.testkit.ServiceIdentityCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for user-service's UserDirectory that speaks the real gRPC contract over a real socket: every
 * well-formed user id has an account unless a test calls {@link #noAccount(String)}; ids that are not UUIDs
 * are INVALID_ARGUMENT as user-service answers them; blocks and read-receipt settings are set by tests;
 * {@link #setUnavailable(boolean)} makes every call fail.
 */
public final class FakeUserDirectory extends UserDirectoryGrpc.UserDirectoryImplBase {

    private static final FakeUserDirectory INSTANCE = new FakeUserDirectory();

    private final Set<String> blocks = ConcurrentHashMap.newKeySet();
    private final Set<String> readReceiptsOff = ConcurrentHashMap.newKeySet();
    private final Set<String> withoutAccount = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> checks = new ConcurrentHashMap<>();
    private volatile boolean unavailable;
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

    public void block(String blocker, String blocked) {
        blocks.add(blocker + ">" + blocked);
    }

    /** The user id is well formed but names no account. */
    public void noAccount(String userId) {
        withoutAccount.add(userId);
    }

    /** How many CheckBlocked calls asked about this pair (to see chat-service's cache at work). */
    public int checksOf(String userId, String targetUserId) {
        AtomicInteger count = checks.get(userId + ">" + targetUserId);
        return count == null ? 0 : count.get();
    }

    public void readReceiptsOff(String userId) {
        readReceiptsOff.add(userId);
    }

    public void setUnavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    @Override
    public void checkBlocked(CheckBlockedRequest request, StreamObserver<CheckBlockedResponse> responses) {
        checks.computeIfAbsent(request.getUserId() + ">" + request.getTargetUserId(), pair -> new AtomicInteger()).incrementAndGet();
        if (unavailable) {
            responses.onError(Status.UNAVAILABLE.asRuntimeException());
            return;
        }
        if (!isUuid(request.getUserId()) || !isUuid(request.getTargetUserId())) {
            responses.onError(Status.INVALID_ARGUMENT.withDescription("MALFORMED_ID").asRuntimeException());
            return;
        }
        responses.onNext(CheckBlockedResponse.newBuilder()
                .setBlockedByTarget(blocks.contains(request.getTargetUserId() + ">" + request.getUserId()))
                .setBlocksTarget(blocks.contains(request.getUserId() + ">" + request.getTargetUserId()))
                .setTargetUnknown(withoutAccount.contains(request.getTargetUserId()))
                .build());
        responses.onCompleted();
    }

    @Override
    public void getPrivacy(GetPrivacyRequest request, StreamObserver<GetPrivacyResponse> responses) {
        if (unavailable) {
            responses.onError(Status.UNAVAILABLE.asRuntimeException());
            return;
        }
        responses.onNext(GetPrivacyResponse.newBuilder().setReadReceipts(!readReceiptsOff.contains(request.getUserId())).build());
        responses.onCompleted();
    }

    private static boolean isUuid(String id) {
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
