package io.parley.push.fcm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * FCM's error body: a {@code google.rpc.Status} ({@code error.code}, {@code error.status}) whose details carry an
 * {@code FcmError} with the FCM-specific {@code errorCode} (UNREGISTERED, QUOTA_EXCEEDED, SENDER_ID_MISMATCH, ...).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FcmError(Status error) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Status(int code, String message, String status, List<Detail> details) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Detail(@JsonProperty("@type") String type, String errorCode) {
    }

    static final FcmError NONE = new FcmError(null);

    /** The FCM error code if the body has one, else the status name (INVALID_ARGUMENT), else empty. */
    String code() {
        if (error == null) {
            return "";
        }
        if (error.details() != null) {
            for (Detail detail : error.details()) {
                if (detail.type() != null && detail.type().endsWith("google.firebase.fcm.v1.FcmError") && detail.errorCode() != null) {
                    return detail.errorCode();
                }
            }
        }
        return error.status() == null ? "" : error.status();
    }
}
