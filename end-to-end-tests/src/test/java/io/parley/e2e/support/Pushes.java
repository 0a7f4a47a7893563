package io.parley.e2e.support;

import java.util.Map;

/** push-service's token registry as the apps use it (docs/push.md, "Token API"). */
public final class Pushes {

    private final String pushService;

    public Pushes(String pushServiceUri) {
        this.pushService = pushServiceUri;
    }

    /** Registers the device's push token (an APNs token, an FCM registration token or a Web Push subscription). */
    public void register(Accounts.SignedInDevice device, Map<String, ?> token) {
        Rest.put(pushService + "/v1/push/token", token, device.accessToken()).expect(200);
    }
}
