package io.parley.deployment;

import java.util.EnumMap;
import java.util.Map;

/** Each service's settings, read once per test JVM (reading compiled classes takes a moment). */
final class ServiceSettingsCatalog {

    static final Map<ParleyServices, ServiceSettings> ALL = load();

    private ServiceSettingsCatalog() {
    }

    private static Map<ParleyServices, ServiceSettings> load() {
        Map<ParleyServices, ServiceSettings> all = new EnumMap<>(ParleyServices.class);
        ParleyServices.ALL.forEach(service -> all.put(service, ServiceSettings.of(service)));
        return Map.copyOf(all);
    }
}
