package io.parley.deployment;

import java.util.List;

/** The seven services: the chart's key for each ({@code services.<key>} in values.yaml) and its module. */
enum ParleyServices {
    GATEWAY("gateway"), USER("user"), CHAT("chat"), PRESENCE("presence"), GROUP("group"), MEDIA("media"), PUSH("push");

    static final List<ParleyServices> ALL = List.of(values());

    final String key;

    ParleyServices(String key) {
        this.key = key;
    }

    /** The Maven module and the name every deployment uses for it, e.g. {@code chat-service}. */
    String module() {
        return key + "-service";
    }

    static ParleyServices ofModule(String module) {
        return ALL.stream().filter(service -> service.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a Parley service: " + module));
    }
}
