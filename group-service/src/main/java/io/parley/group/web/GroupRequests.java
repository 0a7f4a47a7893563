package io.parley.group.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the group API (docs/groups.md), checked by Bean Validation before any I/O. */
final class GroupRequests {

    static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String PERMISSION_SHAPE = "all|admins";

    private GroupRequests() {
    }

    /** {@code settings} absent: everyone edits the info and sends (WhatsApp's default). */
    record Create(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 512) String description,
            @Pattern(regexp = UUID_SHAPE, message = "must be a media id (a lower-case UUID)") String avatarMediaId,
            @Size(max = 1023) List<@NotNull @Pattern(regexp = UUID_SHAPE, message = "must be a lower-case UUID") String> members,
            @Valid Settings settings) {
    }

    /** Absent fields stay as they are; an empty description or avatar media id clears it. */
    record InfoPatch(
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            @Size(max = 512) String description,
            @Pattern(regexp = "|" + UUID_SHAPE, message = "must be a media id (a lower-case UUID) or empty") String avatarMediaId) {
    }

    record Settings(
            @NotNull @Pattern(regexp = PERMISSION_SHAPE, message = "must be all or admins") String editInfo,
            @NotNull @Pattern(regexp = PERMISSION_SHAPE, message = "must be all or admins") String send) {
    }

    record AddMembers(
            @NotNull @Size(min = 1, max = 1023)
            List<@NotNull @Pattern(regexp = UUID_SHAPE, message = "must be a lower-case UUID") String> userIds) {
    }

    record Join(@NotBlank @Size(max = 64) String inviteToken) {
    }
}
