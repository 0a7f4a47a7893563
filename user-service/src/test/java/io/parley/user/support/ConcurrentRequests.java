package io.parley.user.support;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Fires requests all at once over real HTTP connections and collects the status codes. */
public final class ConcurrentRequests {

    private ConcurrentRequests() {
    }

    public static List<Integer> statuses(String baseUrl, int count,
            BiFunction<WebClient, Integer, WebClient.RequestHeadersSpec<?>> request) {
        WebClient client = WebClient.create(baseUrl);
        return Flux.range(0, count)
                .flatMap(i -> request.apply(client, i)
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), count)
                .collectList()
                .block(Duration.ofSeconds(90));
    }
}
