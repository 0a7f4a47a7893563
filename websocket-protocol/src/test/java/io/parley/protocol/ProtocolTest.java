package io.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "text/plain",
        "image/png",
        "application/vnd.parley.receipt+json",
        "text/plain;charset=utf-8",
        "text/plain; charset=\"utf-8\"",
        "multipart/mixed; boundary=\"a b\\\"c\"",
        "application/x-www-form-urlencoded"})
    void acceptsMediaTypes(String contentType) {
        assertThat(Protocol.isMediaType(contentType)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "plain",
        "/plain",
        "text/",
        "text/plain\n",
        "text/pl\u0000ain",
        "text/plain; charset=\"utf-8\u0007\"",
        "text/plain;",
        "text/plain; charset",
        "text/plaïn",
        "text /plain",
        "text/plain; charset=\"unterminated"})
    void refusesAnythingElse(String contentType) {
        assertThat(Protocol.isMediaType(contentType)).isFalse();
    }

    @Test
    void theLengthLimitIsPartOfTheRule() {
        String atLimit = "a/" + "b".repeat(Protocol.MAX_CONTENT_TYPE_CHARS - 2);
        assertThat(Protocol.isMediaType(atLimit)).isTrue();
        assertThat(Protocol.isMediaType(atLimit + "b")).isFalse();
    }
}
