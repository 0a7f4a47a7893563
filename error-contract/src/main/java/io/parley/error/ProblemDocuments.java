package io.parley.error;

import io.parley.proto.error.v1.ErrorReason;
import java.net.URI;
import java.util.Locale;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

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

    /**
     * A refusal Spring itself raised, in Parley's shape, or null if {@code failure} is none: a body over the codec's
     * size limit is BODY_TOO_LARGE (413); any other {@link ErrorResponse} (415, 405, 406, a 400 from argument
     * binding) keeps its status and detail, typed INVALID_REQUEST, or NOT_FOUND for a 404.
     */
    public static ProblemDetail ofFrameworkRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException) {
                return of(ErrorReason.BODY_TOO_LARGE, "The request body exceeds the size limit");
            }
        }
        if (!(failure instanceof ErrorResponse response)) {
            return null;
        }
        ProblemDetail body = response.getBody();
        ErrorReason reason = body.getStatus() == 404 ? ErrorReason.NOT_FOUND : ErrorReason.INVALID_REQUEST;
        body.setType(type(reason));
        body.setProperty(CODE, reason.name());
        return body;
    }

    public static URI type(ErrorReason reason) {
        return URI.create(TYPE_PREFIX + known(reason).name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static ErrorReason known(ErrorReason reason) {
        return reason == ErrorReason.ERROR_REASON_UNSPECIFIED || reason == ErrorReason.UNRECOGNIZED
                ? ErrorReason.INTERNAL : reason;
    }
}
