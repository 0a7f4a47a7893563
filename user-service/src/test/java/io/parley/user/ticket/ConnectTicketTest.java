package io.parley.user.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.proto.user.v1.ConnectTicketRejected;
import io.parley.proto.user.v1.RedeemConnectTicketRequest;
import io.parley.proto.user.v1.RedeemConnectTicketResponse;
import io.parley.user.support.Api;
import io.parley.user.support.Session;
import io.parley.user.support.UserServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConnectTicketTest extends UserServiceIntegrationTest {

    @Test
    void aTicketIsRedeemedOnceForItsDevice() {
        Session browser = api.newUser();
        Map<String, Object> issued = issue(browser);

        assertThat(Instant.parse((String) issued.get("expiresAt"))).isBetween(Instant.now(), Instant.now().plus(Duration.ofSeconds(31)));
        RedeemConnectTicketResponse first = redeem((String) issued.get("ticket"));
        assertThat(first.hasRedeemed()).isTrue();
        assertThat(first.getRedeemed().getUserId()).isEqualTo(browser.userId().toString());
        assertThat(first.getRedeemed().getDeviceId()).isEqualTo(browser.deviceId().toString());
        assertThat(redeem((String) issued.get("ticket")).getRejected().getReason())
                .isEqualTo(ConnectTicketRejected.Reason.REASON_UNKNOWN_TICKET);
    }

    @Test
    void ofConcurrentRedemptionsExactlyOneSucceeds() {
        String ticket = (String) issue(api.newUser()).get("ticket");

        List<RedeemConnectTicketResponse> answers = IntStream.range(0, 20)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> redeem(ticket)))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(answers).filteredOn(RedeemConnectTicketResponse::hasRedeemed).hasSize(1);
        assertThat(answers).filteredOn(RedeemConnectTicketResponse::hasRejected).hasSize(19);
    }

    @Test
    void aTicketOfASignedOutDeviceIsRejected() {
        Session browser = api.newUser();
        String ticket = (String) issue(browser).get("ticket");
        api.post(browser, "{}", "/v1/auth/logout").expectStatus().isNoContent();

        assertThat(redeem(ticket).getRejected().getReason()).isEqualTo(ConnectTicketRejected.Reason.REASON_DEVICE_REVOKED);
    }

    @Test
    void unknownTicketsAreRejectedAndIssuingNeedsAToken() {
        assertThat(redeem("made-up").getRejected().getReason()).isEqualTo(ConnectTicketRejected.Reason.REASON_UNKNOWN_TICKET);
        assertThat(redeem("").getRejected().getReason()).isEqualTo(ConnectTicketRejected.Reason.REASON_UNKNOWN_TICKET);
        api.http().post().uri("/v1/connect-tickets").exchange().expectStatus().isUnauthorized();
    }

    private Map<String, Object> issue(Session session) {
        return api.post(session, "{}", "/v1/connect-tickets").expectStatus().isCreated()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(Api.json()).returnResult().getResponseBody();
    }

    private RedeemConnectTicketResponse redeem(String ticket) {
        return grpc.directory().redeemConnectTicket(RedeemConnectTicketRequest.newBuilder().setTicket(ticket).build());
    }
}
