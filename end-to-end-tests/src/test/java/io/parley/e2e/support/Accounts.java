package io.parley.e2e.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Accounts and device logins through user-service's REST API (docs/identity.md). */
public final class Accounts {

    /** A registered user. */
    public record Account(String userId, String username, String password) {
    }

    /** A device signed in to an account: the access token names both. */
    public record SignedInDevice(Account account, String deviceId, String accessToken) {
        public String userId() {
            return account.userId();
        }
    }

    private final ParleySystem system;

    public Accounts(ParleySystem system) {
        this.system = system;
    }

    /** Registers a fresh user (the name gets a random suffix: every test has users of its own). */
    public Account register(String name) {
        String username = (name + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        String password = "correct horse " + UUID.randomUUID();
        JsonNode created = Rest.post(system.userServiceUri() + "/v1/accounts",
                Map.of("username", username, "password", password, "displayName", name), null).expect(201).json();
        return new Account(created.get("userId").asString(), username, password);
    }

    /** Logs a new device in. */
    public SignedInDevice login(Account account, String deviceName) {
        String deviceId = UUID.randomUUID().toString();
        JsonNode tokens = Rest.post(system.userServiceUri() + "/v1/auth/login", Map.of(
                "username", account.username(),
                "password", account.password(),
                "device", Map.of("deviceId", deviceId, "platform", "android", "name", deviceName)), null)
                .expect(200).json();
        return new SignedInDevice(account, tokens.get("deviceId").asString(), tokens.get("accessToken").asString());
    }

    /** Sets who sees the user's last seen and online: everyone, contacts or nobody. */
    public void lastSeen(SignedInDevice user, String visibility) {
        Rest.put(system.userServiceUri() + "/v1/users/" + user.userId() + "/privacy",
                Map.of("lastSeen", visibility, "readReceipts", true), user.accessToken()).expect(200);
    }

    public void block(SignedInDevice blocker, String blockedUserId) {
        Rest.put(system.userServiceUri() + "/v1/users/" + blocker.userId() + "/blocks/" + blockedUserId, null,
                blocker.accessToken()).expect(204);
    }

    public void addContact(SignedInDevice owner, String contactUserId) {
        Rest.put(system.userServiceUri() + "/v1/users/" + owner.userId() + "/contacts/" + contactUserId, null,
                owner.accessToken()).expect(204);
    }

    /** The user ids {@code GET /v1/presence} lists for the caller, with whether each is online. */
    public Map<String, Boolean> presenceSeenBy(SignedInDevice viewer, String... users) {
        JsonNode body = Rest.get(system.presenceServiceUri() + "/v1/presence?users=" + String.join(",", users),
                viewer.accessToken()).expect(200).json();
        Map<String, Boolean> seen = new HashMap<>();
        body.get("users").forEach(user -> seen.put(user.get("user").asString(), user.get("online").asBoolean()));
        return seen;
    }
}
