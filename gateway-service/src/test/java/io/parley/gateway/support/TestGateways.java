package io.parley.gateway.support;

import io.parley.gateway.GatewayServiceApplication;
import io.parley.protocol.Protocol;
import io.parley.testkit.KafkaExtension;
import io.parley.testkit.RedisExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole gateway instances started by a test, on free ports, against the test's servers and fakes. */
public final class TestGateways {

    private TestGateways() {
    }

    /** Starts a gateway; {@code settings} are more command-line arguments, which outrank application.yaml. */
    public static ConfigurableApplicationContext start(String gatewayId, RedisExtension redis, KafkaExtension kafka,
            TestTokens tokens, FakeBackends backends, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.grpc.server.port=0",
                "--parley.redis.url=" + redis.uri(),
                "--parley.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--parley.auth.jwks-uri=" + tokens.jwksUri(),
                "--parley.auth.issuer=" + TestTokens.ISSUER,
                "--parley.gateway.chat-service.address=" + backends.chatAddress(),
                "--parley.gateway.user-service.address=" + backends.usersAddress(),
                "--parley.gateway.presence-service.address=" + backends.presenceAddress(),
                "--parley.gateway.presence-service.report-interval=200ms",
                "--parley.gateway.instance.id=" + gatewayId));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(GatewayServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    /** Where devices connect to a gateway started here. */
    public static URI webSocketUri(ConfigurableApplicationContext gateway) {
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        return URI.create("ws://127.0.0.1:" + port + Protocol.PATH);
    }
}
