package io.parley.user.auth;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/auth/refresh}. */
record RefreshRequest(@NotNull(message = "is required") @Size(max = 128, message = "must be at most 128 characters") String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[]";
    }
}
