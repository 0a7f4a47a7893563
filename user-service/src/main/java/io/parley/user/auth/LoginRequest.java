package io.parley.user.auth;

import io.parley.user.account.Username;
import io.parley.user.device.Platform;
import io.parley.user.profile.ProfileRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Body of {@code POST /v1/auth/login}: credentials and the device to bind. */
record LoginRequest(
        @NotNull(message = "is required") @Pattern(regexp = Username.INPUT_PATTERN, message = Username.RULE) String username,
        @NotNull(message = "is required") @Size(max = 128, message = "must be at most 128 characters") String password,
        @Valid @NotNull(message = "is required") DeviceRequest device) {

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", device=" + device + "]";
    }

    /**
     * @param deviceId chosen by the client when it is installed and kept across logins, so logging in
     *                 again on the same installation replaces its session instead of adding a device
     */
    record DeviceRequest(
            @NotNull(message = "is required") UUID deviceId,
            @NotNull(message = "is required") @Pattern(regexp = Platform.PATTERN, message = "must be one of ios, android, web, desktop")
            String platform,
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
            @Pattern(regexp = ProfileRules.NO_CONTROL_CHARACTERS, message = ProfileRules.NO_CONTROL_CHARACTERS_MESSAGE)
            String name) {
    }
}
