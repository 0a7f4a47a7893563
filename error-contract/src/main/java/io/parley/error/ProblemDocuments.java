package io.parley.error;

import io.parley.proto.error.v1.ErrorReason;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.ProblemDetail;

/**
 * The error model on REST: an RFC 9457 problem document. {@code type} is {@value #TYPE_PREFIX} followed by the
 * reason in kebab case (an identifier, not a page to fetch), {@code title} and {@code status} come from
 * {@link ReasonTraits}, and the extension member {@value #CODE} holds the reason's name, the same string gRPC
 * callers see in ErrorInfo.
 */
public final class ProblemDocuments {

    public static final String TYPE_PREFIX = "urn:parley:problem:";
    public static final String CODE = "code";

    private ProblemDocuments() {
    }

    public static ProblemDetail of(ErrorReason reason, String detail) {
        ReasonTraits traits = ReasonTraits.of(reason);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(traits.httpStatus(), detail);
        problem.setType(type(reason));
        problem.setTitle(traits.title());
        problem.setProperty(CODE, known(reason).name());
        return problem;
    }

    /**
     * Sets {@code instance} to the request path as the client sent it, if that is a valid URI reference; a hostile
     * path (raw spaces, quotes, brackets) leaves it out rather than turning a refusal into a failure.
     */
    public static void setInstance(ProblemDetail problem, String requestPath) {
        try {
            problem.setInstance(URI.create(requestPath));
        } catch (IllegalArgumentException notAUri) {
            problem.setInstance(null);
        }
    }

    public static URI type(ErrorReason reason) {
        return URI.create(TYPE_PREFIX + known(reason).name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static ErrorReason known(ErrorReason reason) {
        return reason == ErrorReason.ERROR_REASON_UNSPECIFIED || reason == ErrorReason.UNRECOGNIZED
                ? ErrorReason.INTERNAL : reason;
    }
}
