package io.parley.group.error;

import io.parley.proto.error.v1.ErrorReason;
import java.util.Map;

/**
 * A failure of group-service with a place in the error contract (error_reason.proto), rendered by the transport.
 * The message goes to the caller, so it never names another user's data beyond what the caller sent.
 */
public final class GroupException extends RuntimeException {

    private final ErrorReason reason;
    private final Map<String, String> metadata;

    public GroupException(ErrorReason reason, String message) {
        this(reason, message, Map.of());
    }

    public GroupException(ErrorReason reason, String message, Map<String, String> metadata) {
        super(message, null, false, false);
        this.reason = reason;
        this.metadata = Map.copyOf(metadata);
    }

    /** Unknown, closed and never-existing groups look the same. */
    public static GroupException noSuchGroup() {
        return new GroupException(ErrorReason.NOT_FOUND, "no such group");
    }

    /** Unknown and revoked links look the same. */
    public static GroupException noSuchInvite() {
        return new GroupException(ErrorReason.NOT_FOUND, "no such invite link");
    }

    public static GroupException notAMember() {
        return new GroupException(ErrorReason.NOT_A_MEMBER, "you are not a member of this group");
    }

    public static GroupException notAnAdmin(String action) {
        return new GroupException(ErrorReason.NOT_A_GROUP_ADMIN, "only an admin may " + action);
    }

    public ErrorReason reason() {
        return reason;
    }

    public Map<String, String> metadata() {
        return metadata;
    }
}
