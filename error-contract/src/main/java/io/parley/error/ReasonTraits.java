package io.parley.error;

import io.grpc.Status;
import io.parley.proto.error.v1.ErrorReason;
import org.springframework.http.HttpStatus;

/**
 * What one {@link ErrorReason} is on each wire: its gRPC status code, its HTTP status and the problem title.
 * The table below is the only place these are decided; error_reason.proto documents the same values.
 */
public record ReasonTraits(Status.Code grpcCode, HttpStatus httpStatus, String title) {

    public static ReasonTraits of(ErrorReason reason) {
        return switch (reason) {
            case INVALID_REQUEST -> invalid("The request is malformed or has invalid fields");
            case MISSING_FIELD -> invalid("A required field is missing");
            case MALFORMED_ID -> invalid("An id is not a UUID");
            case BAD_CHAT_ID -> invalid("The chat id is not valid");
            case BAD_CLIENT_MSG_ID -> invalid("The client message id is not valid");
            case BAD_CONTENT_TYPE -> invalid("The content type is not valid");
            case BODY_TOO_LARGE -> new ReasonTraits(Status.Code.INVALID_ARGUMENT, HttpStatus.CONTENT_TOO_LARGE, "The body is too large");
            case CLIENT_MSG_ID_REUSED -> invalid("The client message id was used for another message");
            case BAD_CURSOR -> invalid("The cursor or page is not valid");
            case UNAUTHENTICATED -> unauthenticated("A valid access token is required");
            case INVALID_CREDENTIALS -> unauthenticated("Wrong username or password");
            case INVALID_REFRESH_TOKEN -> unauthenticated("The refresh token is not valid");
            case REFRESH_TOKEN_REUSED -> unauthenticated("The refresh token was already used; the device has been signed out");
            case FORBIDDEN -> denied("You may not act on this resource");
            case NOT_A_MEMBER -> denied("You are not a member of this chat");
            case BLOCKED -> denied("The recipient does not accept messages from you");
            case NOT_A_GROUP_ADMIN -> denied("Only an admin of this group may do this");
            case NOT_FOUND -> notFound("No such resource");
            case USER_NOT_FOUND -> notFound("No such user");
            case DEVICE_NOT_FOUND -> notFound("No such device");
            case USERNAME_TAKEN -> new ReasonTraits(Status.Code.ALREADY_EXISTS, HttpStatus.CONFLICT, "The username is already taken");
            case DEVICE_LIMIT_REACHED -> conflict("The account has the maximum number of devices");
            case PREKEY_CONFLICT -> conflict("The prekeys conflict with the keys already stored");
            case PREKEY_CAPACITY_EXCEEDED -> conflict("Too many one-time prekeys would be stored");
            case GROUP_FULL -> conflict("The group has its maximum number of members");
            case RATE_LIMITED -> new ReasonTraits(Status.Code.RESOURCE_EXHAUSTED, HttpStatus.TOO_MANY_REQUESTS, "Too many requests; retry later");
            case STORAGE_UNAVAILABLE -> unavailable("A store did not answer; retry later");
            case KAFKA_UNAVAILABLE -> unavailable("The message log did not acknowledge in time; retry later");
            case USER_DIRECTORY_UNAVAILABLE -> unavailable("The user directory cannot be reached; retry later");
            case INTERNAL, ERROR_REASON_UNSPECIFIED, UNRECOGNIZED ->
                    new ReasonTraits(Status.Code.INTERNAL, HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error");
        };
    }

    /** Whether the same request may succeed when retried later (with the same client_msg_id for a Send). */
    public boolean retriable() {
        return grpcCode == Status.Code.UNAVAILABLE || grpcCode == Status.Code.RESOURCE_EXHAUSTED;
    }

    private static ReasonTraits invalid(String title) {
        return new ReasonTraits(Status.Code.INVALID_ARGUMENT, HttpStatus.BAD_REQUEST, title);
    }

    private static ReasonTraits unauthenticated(String title) {
        return new ReasonTraits(Status.Code.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED, title);
    }

    private static ReasonTraits denied(String title) {
        return new ReasonTraits(Status.Code.PERMISSION_DENIED, HttpStatus.FORBIDDEN, title);
    }

    private static ReasonTraits notFound(String title) {
        return new ReasonTraits(Status.Code.NOT_FOUND, HttpStatus.NOT_FOUND, title);
    }

    private static ReasonTraits conflict(String title) {
        return new ReasonTraits(Status.Code.FAILED_PRECONDITION, HttpStatus.CONFLICT, title);
    }

    private static ReasonTraits unavailable(String title) {
        return new ReasonTraits(Status.Code.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE, title);
    }
}
