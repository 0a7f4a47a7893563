package io.parley.user.account;

import io.parley.user.profile.ProfileRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/accounts}. */
record RegistrationRequest(
        @NotNull(message = "is required") @Pattern(regexp = Username.INPUT_PATTERN, message = Username.RULE) String username,
        @NotNull(message = "is required") @Size(min = 10, max = 128, message = "must be 10-128 characters") String password,
        @NotBlank(message = "is required")
        @Size(max = ProfileRules.DISPLAY_NAME_MAX, message = ProfileRules.DISPLAY_NAME_SIZE)
        @Pattern(regexp = ProfileRules.NO_CONTROL_CHARACTERS, message = ProfileRules.NO_CONTROL_CHARACTERS_MESSAGE)
        String displayName) {

    @Override
    public String toString() {
        return "RegistrationRequest[username=" + username + "]";
    }
}
