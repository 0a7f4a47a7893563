package io.parley.user.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.user.support.E2eeKeys;
import io.parley.user.support.Session;
import io.parley.user.support.UserServiceIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

class OneTimePreKeyConcurrencyTest extends UserServiceIntegrationTest {

    @Test
    void hundredConcurrentBundleFetchesHandOutFiftyDistinctPreKeysNeverOneTwice() {
        Session alice = api.newUser();
        List<Session> fetchers = List.of(api.newUser(), api.newUser(), api.newUser(), api.newUser());
        api.put(alice, E2eeKeys.generate().identityUpload(1), "/v1/users/{u}/devices/{d}/keys", alice.userId(), alice.deviceId())
                .expectStatus().isNoContent();
        api.post(alice, E2eeKeys.oneTimeUpload(1000, 1050), "/v1/users/{u}/devices/{d}/keys/one-time", alice.userId(), alice.deviceId())
                .expectStatus().isCreated();
        WebClient client = WebClient.builder().baseUrl(baseUrl()).build();

        List<Map<String, Object>> devices = Flux.range(0, 100)
                .flatMap(i -> client.get().uri("/v1/users/{u}/keys", alice.userId())
                        .header("Authorization", fetchers.get(i % fetchers.size()).bearer())
                        .retrieve()
                        .bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
                        })
                        .map(OneTimePreKeyConcurrencyTest::onlyDevice), 100)
                .collectList()
                .block(Duration.ofSeconds(100));

        List<Object> handedOut = devices.stream().map(device -> (Map<?, ?>) device.get("oneTimePreKey"))
                .filter(Objects::nonNull).<Object>map(key -> key.get("keyId")).toList();
        assertThat(devices).hasSize(100);
        assertThat(handedOut).hasSize(50).doesNotHaveDuplicates();
        assertThat(devices).filteredOn(device -> Boolean.TRUE.equals(device.get("oneTimePreKeysExhausted"))).hasSize(50)
                .allSatisfy(device -> assertThat(device.get("oneTimePreKey")).isNull());
        api.get(alice, "/v1/users/{u}/devices/{d}/keys/one-time", alice.userId(), alice.deviceId()).expectStatus().isOk()
                .expectBody().jsonPath("$.remaining").isEqualTo(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyDevice(Map<String, Object> bundle) {
        List<Map<String, Object>> devices = (List<Map<String, Object>>) bundle.get("devices");
        assertThat(devices).hasSize(1);
        return devices.get(0);
    }
}
