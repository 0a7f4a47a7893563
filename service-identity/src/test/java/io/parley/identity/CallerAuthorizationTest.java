package io.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.certificates.IssuedCertificates;
import io.parley.certificates.ServiceCertificate;
import io.parley.certificates.ServiceCertificates;
import io.parley.proto.chat.v1.ChatMembershipGrpc;
import io.parley.proto.chat.v1.CheckMembershipRequest;
import io.parley.proto.chat.v1.CheckMembershipResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real TLS over loopback: the handshake checks the certificates, the interceptor checks the names. */
class CallerAuthorizationTest {

    private static final List<String> SERVICES = List.of("chat-service", "media-service", "gateway-service");

    @TempDir
    Path directory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<ManagedChannel> channels = new ArrayList<>();
    private IssuedCertificates certificates;
    private Server server;

    @BeforeEach
    void startChatService() throws IOException {
        certificates = ServiceCertificates.builder().validity(Duration.ofDays(1)).issue(directory.resolve("ours"), SERVICES);
        ServiceCertificate chat = certificates.of("chat-service");
        CallerAllowList allowList = new CallerAllowList(Map.of("parley.chat.v1.ChatMembership", Set.of("media-service")));
        server = Grpc.newServerBuilderForPort(0, TlsServerCredentials.newBuilder()
                        .keyManager(chat.certificate().toFile(), chat.privateKey().toFile())
                        .trustManager(chat.trustedCa().toFile())
                        .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE).build())
                .addService(ServerInterceptors.intercept(new Membership(), new CallerAuthorization(allowList, meters)))
                .build().start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        channels.forEach(ManagedChannel::shutdownNow);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aServiceOnTheAllowListIsAnswered() throws IOException {
        assertThat(checkAs(certificates.of("media-service")).getMemberChatIdsList()).containsExactly("g:answered");
        assertThat(meters.find("parley.grpc.calls.refused").counters()).isEmpty();
    }

    @Test
    void aServiceOfOurCaThatIsNotOnTheListIsRefused() {
        assertThatThrownBy(() -> checkAs(certificates.of("gateway-service")))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                    assertThat(e.getStatus().getDescription())
                            .isEqualTo("gateway-service may not call parley.chat.v1.ChatMembership/CheckMembership");
                });
        assertThat(meters.get("parley.grpc.calls.refused").tag("caller", "gateway-service")
                .tag("reason", "not_allowed").tag("service", "parley.chat.v1.ChatMembership").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void aCertificateOfAnotherCaFailsTheHandshake() {
        IssuedCertificates foreign = ServiceCertificates.builder().validity(Duration.ofDays(1)).issue(directory.resolve("foreign"), List.of("media-service"));
        ServiceCertificate impostor = new ServiceCertificate("media-service", foreign.of("media-service").certificate(),
                foreign.of("media-service").privateKey(), certificates.trustedCa());

        assertThatThrownBy(() -> checkAs(impostor)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }

    @Test
    void aPlaintextCallerCannotConnect() {
        ChannelCredentials plaintext = InsecureChannelCredentials.create();

        assertThatThrownBy(() -> check(plaintext)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }

    @Test
    void aMethodEntryOverridesItsServiceEntry() {
        CallerAllowList list = new CallerAllowList(Map.of(
                "parley.chat.v1.ChatMembership", Set.of("media-service"),
                "parley.chat.v1.ChatMembership/CheckMembership", Set.of()));

        assertThat(list.allows(ChatMembershipGrpc.getCheckMembershipMethod(), "media-service")).isFalse();
        assertThat(new CallerAllowList(Map.of()).allows(ChatMembershipGrpc.getCheckMembershipMethod(), "media-service"))
                .as("nothing listed answers nobody").isFalse();
    }

    private CheckMembershipResponse checkAs(ServiceCertificate caller) throws IOException {
        return check(TlsChannelCredentials.newBuilder()
                .keyManager(caller.certificate().toFile(), caller.privateKey().toFile())
                .trustManager(caller.trustedCa().toFile()).build());
    }

    private CheckMembershipResponse check(ChannelCredentials credentials) {
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.getPort(), credentials).build();
        channels.add(channel);
        return ChatMembershipGrpc.newBlockingStub(channel).withDeadlineAfter(Duration.ofSeconds(10))
                .checkMembership(CheckMembershipRequest.newBuilder().setUserId("u").addChatIds("g:answered").build());
    }

    private static final class Membership extends ChatMembershipGrpc.ChatMembershipImplBase {
        @Override
        public void checkMembership(CheckMembershipRequest request, StreamObserver<CheckMembershipResponse> reply) {
            reply.onNext(CheckMembershipResponse.newBuilder().addAllMemberChatIds(request.getChatIdsList()).build());
            reply.onCompleted();
        }
    }
}
