package io.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.stub.StreamObserver;
import io.parley.certificates.IssuedCertificates;
import io.parley.certificates.ServiceCertificate;
import io.parley.certificates.ServiceCertificates;
import io.parley.proto.chat.v1.ChatMembershipGrpc;
import io.parley.proto.chat.v1.CheckMembershipRequest;
import io.parley.proto.chat.v1.CheckMembershipResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two real chat-service instances over mutual TLS behind one channel, as the gateway sees them. */
@Timeout(60)
class ServiceChannelsBalancingTest {

    @TempDir
    Path directory;

    private final List<Server> instances = new ArrayList<>();
    private IssuedCertificates certificates;
    private ManagedChannel channel;

    @BeforeEach
    void startTwoChatServices() throws IOException {
        certificates = ServiceCertificates.builder().validity(Duration.ofDays(1))
                .issue(directory, List.of("chat-service", "gateway-service"));
        ServiceCertificate chat = certificates.of("chat-service");
        for (int i = 0; i < 2; i++) {
            instances.add(Grpc.newServerBuilderForPort(0, TlsServerCredentials.newBuilder()
                            .keyManager(chat.certificate().toFile(), chat.privateKey().toFile())
                            .trustManager(chat.trustedCa().toFile())
                            .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE).build())
                    .addService(new Membership("instance-" + i)).build().start());
        }
        String target = "addresses:///127.0.0.1:" + instances.get(0).getPort() + ",127.0.0.1:" + instances.get(1).getPort();
        channel = ServiceChannels.expecting(Grpc.newChannelBuilder(target, credentialsOf("gateway-service")),
                "chat-service").build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        for (Server instance : instances) {
            instance.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void callsReachEveryInstanceAndTheNameOfTheServiceIsVerifiedOnEach() {
        Set<String> answeredBy = new HashSet<>();
        // Both connect at once; until the second is ready, round_robin uses the first alone.
        Instant deadline = Instant.now().plusSeconds(20);
        while (answeredBy.size() < 2 && Instant.now().isBefore(deadline)) {
            answeredBy.add(call());
        }

        assertThat(answeredBy).containsExactlyInAnyOrder("instance-0", "instance-1");
    }

    @Test
    void whenOneInstanceStopsEveryCallGoesToTheOther() throws InterruptedException {
        call();
        instances.get(0).shutdown().awaitTermination(10, TimeUnit.SECONDS);

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(call());
        }

        assertThat(answers).containsOnly("instance-1");
    }

    @Test
    void aCertificateOfAnotherServiceFailsOnEveryAddress() throws IOException {
        ServiceCertificate gateway = certificates.of("gateway-service");
        ManagedChannel impostorCheck = ServiceChannels.expecting(Grpc.newChannelBuilder(
                "addresses:///127.0.0.1:" + instances.get(0).getPort() + ",127.0.0.1:" + instances.get(1).getPort(),
                credentialsOf("gateway-service")), "gateway-service").build();
        try {
            assertThatThrownBy(() -> ChatMembershipGrpc.newBlockingStub(impostorCheck)
                    .withDeadlineAfter(Duration.ofSeconds(10)).checkMembership(request()))
                    .as("chat-service's certificate does not name %s", gateway.service())
                    .hasMessageContaining("UNAVAILABLE");
        } finally {
            impostorCheck.shutdownNow();
        }
    }

    @Test
    void aTargetWithoutAnAddressOrWithABadOneIsRefusedNamingTheForm() {
        assertThat(AddressListNameResolverProvider.addresses(URI.create("addresses:///10.0.0.1:9082,10.0.0.2:9082")))
                .containsExactly("10.0.0.1:9082", "10.0.0.2:9082");
        assertThatThrownBy(() -> AddressListNameResolverProvider.addresses(URI.create("addresses:///")))
                .hasMessageContaining("addresses:///host:port,host:port");
        assertThatThrownBy(() -> AddressListNameResolverProvider.addresses(URI.create("addresses:///10.0.0.1")))
                .hasMessageContaining("addresses:///host:port,host:port");
    }

    @Test
    void theTargetPatternAcceptsTheThreeFormsAndNothingElse() {
        assertThat(List.of("chat-service:9082", "dns:///parley-chat-service-pods:9082",
                "addresses:///127.0.0.1:9082,127.0.0.1:9182", "addresses:///127.0.0.1:9082"))
                .allMatch(target -> target.matches(ServiceChannels.TARGET_PATTERN));
        assertThat(List.of("chat-service", "static:///127.0.0.1:9082,127.0.0.1:9182", "addresses:///",
                "127.0.0.1:9082,127.0.0.1:9182", "dns:///a:1,b:2"))
                .noneMatch(target -> target.matches(ServiceChannels.TARGET_PATTERN));
    }

    private String call() {
        return ChatMembershipGrpc.newBlockingStub(channel).withDeadlineAfter(Duration.ofSeconds(10))
                .checkMembership(request()).getMemberChatIds(0);
    }

    private static CheckMembershipRequest request() {
        return CheckMembershipRequest.newBuilder().setUserId("u").addChatIds("g:1").build();
    }

    private ChannelCredentials credentialsOf(String service) throws IOException {
        ServiceCertificate caller = certificates.of(service);
        return TlsChannelCredentials.newBuilder()
                .keyManager(caller.certificate().toFile(), caller.privateKey().toFile())
                .trustManager(caller.trustedCa().toFile()).build();
    }

    /** Answers with the instance's name, so the test sees which instance served each call. */
    private static final class Membership extends ChatMembershipGrpc.ChatMembershipImplBase {

        private final String instance;

        Membership(String instance) {
            this.instance = instance;
        }

        @Override
        public void checkMembership(CheckMembershipRequest request, StreamObserver<CheckMembershipResponse> reply) {
            reply.onNext(CheckMembershipResponse.newBuilder().addMemberChatIds(instance).build());
            reply.onCompleted();
        }
    }
}
