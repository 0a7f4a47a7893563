package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.gateway.support.TestSocket;
import io.parley.gateway.support.TestTokens;
import io.parley.protocol.ServerFrame;
import java.net.URI;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HandshakeIntegrationTest extends GatewayIntegrationTest {

    @Test
    void aValidTokenOpensAConnectionForItsUserAndDevice() {
        String user = TestTokens.newId();
        String device = TestTokens.newId();
        try (TestSocket socket = connect(user, device)) {
            ServerFrame.Hello hello = socket.hello();

            assertThat(hello.version()).isEqualTo(1);
            assertThat(hello.user()).isEqualTo(user);
            assertThat(hello.device()).isEqualTo(device);
            assertThat(hello.gateway()).isEqualTo(GATEWAY_ID);
            assertThat(hello.maxBodyBytes()).isEqualTo(65_536);
        }
    }

    static Stream<Arguments> refusedCredentials() {
        String user = TestTokens.newId();
        String device = TestTokens.newId();
        return Stream.of(
                // no Authorization header and no ticket
                Arguments.of("none", (Function<String, String>) revoked -> null),
                // not a bearer credential
                Arguments.of("basic", (Function<String, String>) revoked -> "Basic YWxpY2U6c2VjcmV0"),
                // bearer without a token
                Arguments.of("empty bearer", (Function<String, String>) revoked -> "Bearer "),
                // not a JWT at all
                Arguments.of("garbage", (Function<String, String>) revoked -> "Bearer not.a.jwt"),
                // signed by a key user-service never published, under a known kid
                Arguments.of("forged", (Function<String, String>) revoked -> "Bearer " + TOKENS.forgedToken(user, device)),
                // expired ten minutes ago
                Arguments.of("expired", (Function<String, String>) revoked -> "Bearer " + TOKENS.expiredToken(user, device)),
                // valid signature, but the device was revoked since the token was issued
                Arguments.of("revoked device", (Function<String, String>) revoked -> "Bearer " + TOKENS.accessToken(user, revoked)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCredentials")
    void refusesTheHandshakeWith401(String name, Function<String, String> authorization) {
        String revokedDevice = TestTokens.newId();
        BACKENDS.users.revoke(revokedDevice);

        assertThat(TestSocket.refusedStatus(webSocketUri(), authorization.apply(revokedDevice))).isEqualTo(401);
    }

    @Test
    void refusesWith503WhenUserServiceCannotSayWhetherTheDeviceWasRevoked() {
        String user = TestTokens.newId();
        String device = TestTokens.newId();
        BACKENDS.users.cannotCheck(device);

        assertThat(TestSocket.refusedStatus(webSocketUri(), "Bearer " + TOKENS.accessToken(user, device)))
                .as("a valid token whose device cannot be checked fails closed")
                .isEqualTo(503);
    }

    @Test
    void aBrowserConnectsOnceWithAConnectTicket() {
        String user = TestTokens.newId();
        String device = TestTokens.newId();
        String ticket = "ticket-" + TestTokens.newId();
        BACKENDS.users.issueTicket(ticket, user, device);
        URI withTicket = URI.create(webSocketUri() + "?ticket=" + ticket);

        try (TestSocket socket = TestSocket.connectAnonymously(withTicket)) {
            ServerFrame.Hello hello = socket.hello();
            assertThat(hello.user()).isEqualTo(user);
            assertThat(hello.device()).isEqualTo(device);
        }
        assertThat(TestSocket.refusedStatus(withTicket, null)).as("a ticket is single use").isEqualTo(401);
    }

    @Test
    void refusesAnUnknownOrMalformedTicket() {
        assertThat(TestSocket.refusedStatus(URI.create(webSocketUri() + "?ticket=never-issued-ticket-123"), null))
                .isEqualTo(401);
        assertThat(TestSocket.refusedStatus(URI.create(webSocketUri() + "?ticket=x"), null)).isEqualTo(401);
    }
}
