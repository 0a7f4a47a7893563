package io.parley.user.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The kinds of failure the REST API reports, each with its RFC 9457 {@code type} URI and status. The
 * URIs are identifiers (documented in docs/identity.md), not pages to fetch.
 */
public enum ProblemType {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "The request is malformed or has invalid fields"),
    BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The request body is too large"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid access token is required"),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Wrong username or password"),
    INVALID_REFRESH_TOKEN(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "The refresh token is not valid"),
    REFRESH_TOKEN_REUSED(HttpStatus.UNAUTHORIZED, "refresh-token-reused",
            "The refresh token was already used; the device has been signed out"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "You may not act on this resource"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "No such resource"),
    USERNAME_TAKEN(HttpStatus.CONFLICT, "username-taken", "The username is already taken"),
    DEVICE_LIMIT_REACHED(HttpStatus.CONFLICT, "device-limit-reached", "The account has the maximum number of devices"),
    PREKEY_CONFLICT(HttpStatus.CONFLICT, "prekey-conflict", "The prekeys conflict with the keys already stored"),
    PREKEY_CAPACITY_EXCEEDED(HttpStatus.CONFLICT, "prekey-capacity-exceeded", "Too many one-time prekeys would be stored"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many attempts; retry later"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "A dependency is unavailable; retry later"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Unexpected error");

    private static final String BASE = "urn:parley:problem:";

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.type = URI.create(BASE + slug);
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }
}
