package io.parley.push.tokens;

/** The calling device was signed out; its access token still verifies, but it may not register a push token. */
class RevokedDeviceException extends RuntimeException {

    RevokedDeviceException() {
        super("This device was signed out", null, false, false);
    }
}
