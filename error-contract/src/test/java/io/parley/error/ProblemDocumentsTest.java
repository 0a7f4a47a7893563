package io.parley.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.proto.error.v1.ErrorReason;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

class ProblemDocumentsTest {

    @Test
    void problemHasTheUrnTypeTheReasonAsCodeAndTheReasonsStatus() {
        ProblemDetail problem = ProblemDocuments.of(ErrorReason.NOT_A_MEMBER, "you are not a member of d:a:b");

        assertThat(problem.getType()).isEqualTo(URI.create("urn:parley:problem:not-a-member"));
        assertThat(problem.getStatus()).isEqualTo(403);
        assertThat(problem.getTitle()).isEqualTo("You are not a member of this chat");
        assertThat(problem.getDetail()).isEqualTo("you are not a member of d:a:b");
        assertThat(problem.getProperties()).containsEntry("code", "NOT_A_MEMBER");
    }

    @Test
    void anUnspecifiedReasonIsReportedAsInternal() {
        ProblemDetail problem = ProblemDocuments.of(ErrorReason.ERROR_REASON_UNSPECIFIED, "oops");

        assertThat(problem.getType()).isEqualTo(URI.create("urn:parley:problem:internal"));
        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getProperties()).containsEntry("code", "INTERNAL");
    }

    @Test
    void theInstanceIsTheRequestPathWhenItIsAUriAndLeftOutWhenNot() {
        ProblemDetail problem = ProblemDocuments.of(ErrorReason.INVALID_REQUEST, "bad");

        ProblemDocuments.setInstance(problem, "/v1/users/%00/blocks");
        assertThat(problem.getInstance()).isEqualTo(URI.create("/v1/users/%00/blocks"));

        ProblemDocuments.setInstance(problem, "/v1/users/a\"b<c>/blocks");
        assertThat(problem.getInstance()).isNull();
    }

    @Test
    void frameworkRefusalsTakeParleysShapeAndAnOversizedBodyIsBodyTooLarge() {
        ProblemDetail unsupported = ProblemDocuments.ofFrameworkRefusal(
                new UnsupportedMediaTypeStatusException(MediaType.TEXT_PLAIN, List.of(MediaType.APPLICATION_JSON)));
        assertThat(unsupported.getStatus()).isEqualTo(415);
        assertThat(unsupported.getType()).isEqualTo(URI.create("urn:parley:problem:invalid-request"));
        assertThat(unsupported.getProperties()).containsEntry("code", "INVALID_REQUEST");

        ProblemDetail tooLarge = ProblemDocuments.ofFrameworkRefusal(
                new IllegalStateException("decoding failed", new DataBufferLimitException("over 262144 bytes")));
        assertThat(tooLarge.getStatus()).isEqualTo(413);
        assertThat(tooLarge.getProperties()).containsEntry("code", "BODY_TOO_LARGE");

        assertThat(ProblemDocuments.ofFrameworkRefusal(new IllegalStateException("ours"))).isNull();
    }
}
