package io.parley.bench.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceAddressesTest {

    @Test
    void countsUpSkippingNetworkAndBroadcastOctetsAndTakesThemInTurn() {
        SourceAddresses sources = SourceAddresses.loopbackRange("127.0.0.254", 3);

        assertThat(sources.size()).isEqualTo(3);
        assertThat(sources.next().getAddress().getHostAddress()).isEqualTo("127.0.0.254");
        assertThat(sources.next().getAddress().getHostAddress()).isEqualTo("127.0.1.1");
        assertThat(sources.next().getAddress().getHostAddress()).isEqualTo("127.0.1.2");
        assertThat(sources.next().getAddress().getHostAddress()).isEqualTo("127.0.0.254");
    }

    @Test
    void onlyLoopbackAddressesCanBeUsed() {
        assertThatThrownBy(() -> SourceAddresses.loopbackRange("10.0.0.1", 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SourceAddresses.none().next()).isNull();
    }
}
