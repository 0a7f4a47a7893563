package io.parley.presence;

import io.parley.presence.support.PresenceServiceIntegrationTest;
import io.parley.testkit.ServiceBootChecks;

/** The service starts against real infrastructure and reports itself healthy, live, ready and measured. */
class PresenceServiceBootsTest extends PresenceServiceIntegrationTest implements ServiceBootChecks {
}
