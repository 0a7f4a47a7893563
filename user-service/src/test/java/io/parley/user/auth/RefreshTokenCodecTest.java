package io.parley.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RefreshTokenCodecTest {

    @Test
    void roundTripsTheTokenIdAndSecret() {
        RefreshTokenCodec.Parts parts = RefreshTokenCodec.generate();

        String token = RefreshTokenCodec.encode(parts);

        assertThat(token).hasSize(64).matches("[A-Za-z0-9_-]+");
        RefreshTokenCodec.Parts decoded = RefreshTokenCodec.decode(token).orElseThrow();
        assertThat(decoded.tokenId()).isEqualTo(parts.tokenId());
        assertThat(decoded.secret()).isEqualTo(parts.secret());
    }

    static Stream<String> garbage() {
        return Stream.of(
                // nothing
                "",
                // one character short
                "A".repeat(63),
                // one character long
                "A".repeat(65),
                // right length, not base64url
                "!".repeat(64),
                // standard base64 alphabet is not accepted
                "+".repeat(64));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void rejectsAnythingThatIsNotAToken(String token) {
        assertThat(RefreshTokenCodec.decode(token)).isEmpty();
    }
}
