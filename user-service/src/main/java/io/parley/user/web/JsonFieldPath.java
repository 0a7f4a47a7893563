package io.parley.user.web;

import java.util.List;
import tools.jackson.core.JacksonException;

/** Names the field a JSON reading failure is about, as the client wrote it: {@code device.platform}, {@code preKeys[2].keyId}. */
final class JsonFieldPath {

    static final String WHOLE_BODY = "body";

    private JsonFieldPath() {
    }

    static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return join(jackson.getPath());
            }
        }
        return WHOLE_BODY;
    }

    private static String join(List<JacksonException.Reference> path) {
        StringBuilder name = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                name.append('[').append(reference.getIndex()).append(']');
            }
        }
        return name.isEmpty() ? WHOLE_BODY : name.toString();
    }
}
