package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.e2e.support.HostileFrames;
import io.parley.protocol.ClientFrame;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The hostile-input suite's authorization cases cover every client frame type protocol v1 has. */
class FrameAuthorizationCoverageTest {

    @Test
    void everyClientFrameTypeHasAnAuthorizationCaseOrAReasonWhyNot() {
        assertThat(Arrays.stream(ClientFrame.class.getPermittedSubclasses()).map(Class::getSimpleName))
                .containsExactlyInAnyOrderElementsOf(HostileFrames.AUTHORIZATION.keySet());
    }
}
