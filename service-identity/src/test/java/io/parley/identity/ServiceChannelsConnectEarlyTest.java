package io.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Attributes;
import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerTransportFilter;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.grpc.client.ChannelBuilderOptions;
import org.springframework.grpc.client.GrpcChannelFactory;

/** A service channel connects when it is made, not on its first call. */
@Timeout(30)
class ServiceChannelsConnectEarlyTest {

    @Test
    void theChannelConnectsBeforeAnyCall() throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        Server server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addTransportFilter(new ServerTransportFilter() {
                    @Override
                    public Attributes transportReady(Attributes transportAttrs) {
                        connected.countDown();
                        return transportAttrs;
                    }
                }).build().start();
        ManagedChannel channel = ServiceChannels.to(new PlaintextChannels(), "127.0.0.1:" + server.getPort(), "chat-service");
        try {
            assertThat(channel.getState(false)).isNotEqualTo(ConnectivityState.IDLE);
            assertThat(connected.await(20, TimeUnit.SECONDS)).as("a connection without a call").isTrue();
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Stands in for Spring gRPC's factory; plaintext, as this test is about when the channel connects. */
    private static final class PlaintextChannels implements GrpcChannelFactory {

        @Override
        public boolean supports(String target) {
            return true;
        }

        @Override
        public ManagedChannel createChannel(String target, ChannelBuilderOptions options) {
            return Grpc.newChannelBuilder(target, InsecureChannelCredentials.create()).build();
        }
    }
}
