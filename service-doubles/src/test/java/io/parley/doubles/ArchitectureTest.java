package io.parley.doubles;

import io.parley.architecture.ParleyArchitecture;
import org.junit.jupiter.api.Test;

/** Parley's package rules (docs/architecture.md, "Rules") hold for this module's main code. */
class ArchitectureTest {

    @Test
    void followsParleyRules() {
        ParleyArchitecture.check("io.parley.doubles");
    }
}
