package io.parley.user.profile;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PATCH /v1/users/{userId}}: absent fields stay as they are; an empty {@code about} or
 * {@code avatarMediaId} clears it.
 */
record ProfileUpdate(
        @Size(min = 1, max = ProfileRules.DISPLAY_NAME_MAX, message = "must be 1-64 characters")
        @Pattern(regexp = ProfileRules.NOT_BLANK, message = "must not be blank")
        @Pattern(regexp = ProfileRules.NO_CONTROL_CHARACTERS, message = ProfileRules.NO_CONTROL_CHARACTERS_MESSAGE)
        String displayName,
        @Size(max = ProfileRules.ABOUT_MAX, message = "must be at most 140 characters")
        @Pattern(regexp = ProfileRules.NO_CONTROL_CHARACTERS, message = ProfileRules.NO_CONTROL_CHARACTERS_MESSAGE)
        String about,
        @Pattern(regexp = "|" + ProfileRules.MEDIA_ID, message = "must be a media id ([A-Za-z0-9_-], up to 128) or empty")
        String avatarMediaId) {
}
