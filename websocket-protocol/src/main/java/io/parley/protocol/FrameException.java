package io.parley.protocol;

/**
 * A frame that cannot be decoded. Carries what the {@code error} answer needs: the code, the frame's
 * {@code ref} when it could be read, and a message naming the field.
 */
public final class FrameException extends Exception {

    private final ErrorCode code;
    private final String ref;

    public FrameException(ErrorCode code, String ref, String message) {
        super(message, null, false, false);
        this.code = code;
        this.ref = ref;
    }

    public ErrorCode code() {
        return code;
    }

    /** The {@code ref} of the rejected frame, or null. */
    public String ref() {
        return ref;
    }

    /** The {@code error} frame that answers the rejected frame. */
    public ServerFrame.Error toErrorFrame() {
        return new ServerFrame.Error(ref, code, getMessage(), code.retriable());
    }
}
