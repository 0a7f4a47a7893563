package io.parley.group.support;

import io.grpc.Grpc;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import io.parley.proto.user.v1.CheckBlockedRequest;
import io.parley.proto.user.v1.CheckBlockedResponse;
import io.parley.proto.user.v1.UserDirectoryGrpc;
import io.parley.testkit.ServiceIdentityCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * user-service's UserDirectory as group-service asks it (CheckBlocked only), over a real gRPC socket: every user
 * exists unless a test says otherwise; blocks are set by tests.
 */
public final class FakeUserDirectory extends UserDirectoryGrpc.UserDirectoryImplBase {

    private static final FakeUserDirectory INSTANCE = new FakeUserDirectory();

    private final Set<String> blocks = ConcurrentHashMap.newKeySet();
    private final Set<String> unknown = ConcurrentHashMap.newKeySet();
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

    public void forget(String userId) {
        unknown.add(userId);
    }

    @Override
    public void checkBlocked(CheckBlockedRequest request, StreamObserver<CheckBlockedResponse> responses) {
        responses.onNext(CheckBlockedResponse.newBuilder()
                .setBlockedByTarget(blocks.contains(request.getTargetUserId() + ">" + request.getUserId()))
                .setBlocksTarget(blocks.contains(request.getUserId() + ">" + request.getTargetUserId()))
                .setTargetUnknown(unknown.contains(request.getTargetUserId()))
                .build());
        responses.onCompleted();
    }
}
