package io.parley.testkit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Hostile REST requests generated from a service's routes ({@link ServiceRoutes}): for each route, one request per
 * way to break it — a malformed path variable, a malformed query parameter, a broken or oversized JSON body, a
 * body of another content type, missing or forged credentials. Every request is otherwise well formed and acts
 * only on the caller's own objects, so it is refused for exactly one reason: the expected status is known, the
 * answer must be RFC 9457 problem+json, and nothing can have been written. A new endpoint is covered the day it
 * is mapped.
 */
public final class HostileRequests {

    /** What the request breaks. */
    public enum Kind { PATH_VARIABLE, QUERY_PARAMETER, BODY, CONTENT_TYPE, CREDENTIALS }

    /** One request and the statuses it may get. */
    public record Request(Kind kind, String route, HttpMethod method, String pathAndQuery, MediaType contentType,
            byte[] body, String authorization, Set<Integer> allowed) {

        public String describe() {
            String shown = pathAndQuery.length() > 120 ? pathAndQuery.substring(0, 120) + "…" : pathAndQuery;
            return kind + " " + method + " " + shown + (body == null ? "" : " body " + preview(body))
                    + (contentType == null ? "" : " as " + contentType)
                    + " auth " + (authorization == null ? "none" : authorization.substring(0, Math.min(20, authorization.length())));
        }

        private static String preview(byte[] body) {
            String text = new String(body, StandardCharsets.UTF_8);
            return text.length() > 40 ? text.substring(0, 40) + "… (" + body.length + " bytes)" : "'" + text + "'";
        }
    }

    /** Malformed as a UUID, a chat id and a username alike; percent-encoded where a URI needs it. */
    private static final List<String> BAD_PATH_VALUES = List.of("not-a-uuid", "%00", "%27%20OR%201%3D1--", "x".repeat(1_000),
            "%F0%9F%98%80", "123", "00000000-0000-0000-0000-00000000000g", "%0D%0ASet-Cookie:%20a=b");
    private static final List<String> BAD_QUERY_VALUES = List.of("abc", "-1", "%00", "99999999999999999999", "1.5", "%FF");
    private static final List<String> BAD_BODIES = List.of("", "{", "[]", "null", "\"text\"", "{\"a\":" + "[".repeat(2_000),
            "{\"about\":\"raw \u0001 control\"}", "{\"a\":1}{\"b\":2}");
    private static final Set<Integer> BAD_REQUEST = Set.of(400);
    private static final Set<Integer> BAD_BODY = Set.of(400, 413);
    private static final Set<Integer> UNSUPPORTED = Set.of(415);
    private static final Set<Integer> UNAUTHENTICATED = Set.of(401);
    /** A malformed optional query parameter of a read is refused, or ignored (a read writes nothing). */
    private static final Set<Integer> BAD_QUERY_OF_A_READ = Set.of(200, 400, 404);

    private HostileRequests() {
    }

    /**
     * @param variables a well-formed value of each path variable that names the caller's own object (a variable not
     *     listed gets {@code fallback})
     * @param publicRoutes route keys that need no credentials (not given forged ones: they would be ignored)
     * @param bearer the caller's {@code Authorization} header value
     */
    public static List<Request> generate(List<ServiceRoutes.Route> routes, Map<String, String> variables, String fallback,
            Set<String> publicRoutes, String bearer) {
        List<Request> requests = new ArrayList<>();
        for (ServiceRoutes.Route route : routes) {
            HttpMethod method = HttpMethod.valueOf(route.method());
            byte[] validJson = route.takesBody() ? "{}".getBytes(StandardCharsets.UTF_8) : null;
            MediaType json = route.takesBody() ? MediaType.APPLICATION_JSON : null;
            for (String variable : route.pathVariables()) {
                for (String bad : BAD_PATH_VALUES) {
                    String path = expand(route.path(), variables, fallback, variable, bad);
                    requests.add(new Request(Kind.PATH_VARIABLE, route.key(), method, path, json, validJson, bearer, BAD_REQUEST));
                }
            }
            String path = expand(route.path(), variables, fallback, null, null);
            for (String parameter : route.queryParameters()) {
                for (String bad : BAD_QUERY_VALUES) {
                    requests.add(new Request(Kind.QUERY_PARAMETER, route.key(), method, path + "?" + parameter + "=" + bad,
                            json, validJson, bearer, method == HttpMethod.GET ? BAD_QUERY_OF_A_READ : BAD_REQUEST));
                }
            }
            if (route.takesBody()) {
                for (String bad : BAD_BODIES) {
                    requests.add(new Request(Kind.BODY, route.key(), method, path, MediaType.APPLICATION_JSON,
                            bad.getBytes(StandardCharsets.UTF_8), bearer, BAD_BODY));
                }
                requests.add(new Request(Kind.BODY, route.key(), method, path, MediaType.APPLICATION_JSON,
                        ("{\"about\":\"" + "a".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8), bearer, BAD_BODY));
                for (MediaType other : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.APPLICATION_FORM_URLENCODED,
                        MediaType.APPLICATION_OCTET_STREAM)) {
                    requests.add(new Request(Kind.CONTENT_TYPE, route.key(), method, path, other,
                            "{}".getBytes(StandardCharsets.UTF_8), bearer, UNSUPPORTED));
                }
            }
            if (!publicRoutes.contains(route.key())) {
                for (String forged : forgedCredentials()) {
                    requests.add(new Request(Kind.CREDENTIALS, route.key(), method, path, json, validJson, forged, UNAUTHENTICATED));
                }
            }
        }
        return requests;
    }

    /** Sends the request and checks its status and, for a refusal, its problem+json document. */
    public static void check(WebTestClient http, String baseUrl, Request request) {
        WebTestClient.RequestBodySpec spec = http.method(request.method()).uri(URI.create(baseUrl + request.pathAndQuery()));
        if (request.authorization() != null) {
            spec.header("Authorization", request.authorization());
        }
        if (request.contentType() != null) {
            spec.contentType(request.contentType());
        }
        WebTestClient.RequestHeadersSpec<?> ready = request.body() != null ? spec.bodyValue(request.body()) : spec;
        EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
        int status = result.getStatus().value();
        String context = request.describe() + " answered " + status + ": " + new String(
                result.getResponseBodyContent() == null ? new byte[0] : result.getResponseBodyContent(), StandardCharsets.UTF_8);
        if (!request.allowed().contains(status)) {
            throw new AssertionError("expected one of " + request.allowed() + ": " + context);
        }
        if (status >= 400) {
            MediaType type = result.getResponseHeaders().getContentType();
            if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                throw new AssertionError("a refusal must be application/problem+json, not " + type + ": " + context);
            }
            String problem = new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
            if (!problem.contains("\"status\":" + status) || !problem.contains("\"type\":")) {
                throw new AssertionError("a problem document names its type and status: " + context);
            }
        }
    }

    private static String expand(String pattern, Map<String, String> variables, String fallback, String replaced, String value) {
        StringBuilder path = new StringBuilder();
        int at = 0;
        for (int open = pattern.indexOf('{'); open >= 0; open = pattern.indexOf('{', at)) {
            int close = pattern.indexOf('}', open);
            String name = pattern.substring(open + 1, close);
            path.append(pattern, at, open).append(name.equals(replaced) ? value : variables.getOrDefault(name, fallback));
            at = close + 1;
        }
        return path.append(pattern.substring(at)).toString();
    }

    /** No credentials, another scheme, garbage, an unsigned token ({@code alg: none}), a token with a forged signature. */
    private static List<String> forgedCredentials() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(("{\"sub\":\"00000000-0000-0000-0000-000000000001\",\"exp\":4102444800}")
                .getBytes(StandardCharsets.UTF_8));
        String es256 = url.encodeToString("{\"alg\":\"ES256\",\"kid\":\"made-up\"}".getBytes(StandardCharsets.UTF_8));
        return java.util.Arrays.asList(null, "Basic dXNlcjpwYXNzd29yZA==", "Bearer not.a.token", "Bearer " + header + "." + claims + ".",
                "Bearer " + es256 + "." + claims + "." + url.encodeToString(new byte[64]), "Bearer");
    }
}
