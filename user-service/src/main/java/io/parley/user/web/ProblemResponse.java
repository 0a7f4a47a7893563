package io.parley.user.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/** A problem+json body and the headers that go with it (Retry-After, WWW-Authenticate). */
record ProblemResponse(ProblemDetail body, HttpHeaders headers) {
}
