package io.parley.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.parley.auth.verification.TokenVerificationProperties;
import io.parley.identity.ServiceIdentitySettings;
import io.parley.settings.ServicePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The settings one service really binds, derived from its code: the keys of its {@code application.yaml}, the
 * components of its {@code @ConfigurationProperties} records (compiled, in {@code <service>/target/classes}), the
 * shared records (service-settings, token-verification) whose prefix its application.yaml configures, and Spring
 * Boot's documented properties under {@code spring.}, {@code server.} and {@code management.}. Whether an environment
 * variable reaches one of them is decided by Spring Boot's own relaxed binding, so a misspelt variable, or one for a
 * setting the service does not have, is caught here rather than ignored at run time.
 */
final class ServiceSettings {

    /** Read by the JVM itself, not by Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    private static final String ANNOTATION_DESCRIPTOR = "Lorg/springframework/boot/context/properties/ConfigurationProperties;";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String module;
    private final Set<String> names;

    private ServiceSettings(String module, Set<String> names) {
        this.module = module;
        this.names = Collections.unmodifiableSet(names);
    }

    static ServiceSettings of(ParleyServices service) {
        Path moduleDir = Repository.path(service.module());
        Set<String> names = new TreeSet<>(applicationYamlKeys(moduleDir));
        Path classes = moduleDir.resolve("target/classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException(classes + " is missing: build " + service.module() + " first (the reactor does)");
        }
        for (Class<?> settings : settingsRecords(classes)) {
            names.addAll(propertyNames(settings));
        }
        for (Class<?> shared : sharedSettingsRecords()) {
            String prefix = prefixOf(shared);
            if (names.stream().anyMatch(name -> name.startsWith(prefix + "."))) {
                names.addAll(propertyNames(shared));
            }
        }
        names.addAll(SpringBootProperties.NAMES);
        return new ServiceSettings(service.module(), names);
    }

    String module() {
        return module;
    }

    Set<String> names() {
        return names;
    }

    /** Whether Spring Boot binds this environment variable to one of the service's settings. */
    boolean binds(String environmentVariable) {
        if (JVM_VARIABLES.contains(environmentVariable)) {
            return true;
        }
        ConfigurationPropertySource environment = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(environmentVariable, "set")));
        return names.stream()
                .map(ConfigurationPropertyName::ofIfValid)
                .filter(name -> name != null && !name.isEmpty())
                .anyMatch(name -> environment.getConfigurationProperty(name) != null);
    }

    private static Set<String> applicationYamlKeys(Path moduleDir) {
        Path yaml = moduleDir.resolve("src/main/resources/application.yaml");
        try {
            Set<String> keys = new TreeSet<>();
            flatten("", YAML.readTree(yaml.toFile()), keys);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + yaml, e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Set<String> keys) {
        if (node.isObject() && node.isEmpty() && !prefix.isEmpty()) {
            keys.add(prefix); // an empty map (e.g. callers: {}) is still a setting the service reads
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field ->
                    flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), keys));
        } else if (!prefix.isEmpty()) {
            keys.add(prefix);
        }
    }

    private static List<Class<?>> settingsRecords(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            List<String> names = files.filter(file -> file.toString().endsWith(".class"))
                    .filter(ServiceSettings::mentionsConfigurationProperties)
                    .map(file -> classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .toList();
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    ServiceSettings.class.getClassLoader());
            List<Class<?>> records = new ArrayList<>();
            for (String name : names) {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(ConfigurationProperties.class)) {
                    records.add(type);
                }
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean mentionsConfigurationProperties(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains(ANNOTATION_DESCRIPTOR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared settings records every service may bind, listed by their library's own packages. */
    private static List<Class<?>> sharedSettingsRecords() {
        return Stream.of(ServicePorts.class.getPackageName(), TokenVerificationProperties.class.getPackageName(),
                        ServiceIdentitySettings.class.getPackageName())
                .flatMap(SharedRecords::inPackage)
                .toList();
    }

    private static String prefixOf(Class<?> settings) {
        ConfigurationProperties annotation = settings.getAnnotation(ConfigurationProperties.class);
        return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
    }

    static Set<String> propertyNames(Class<?> settings) {
        Set<String> names = new TreeSet<>();
        collect(prefixOf(settings), settings, names);
        return names;
    }

    private static void collect(String prefix, Class<?> type, Set<String> names) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> componentType = component.getType();
            if (componentType.isRecord() && !componentType.getName().startsWith("java.")) {
                collect(name, componentType, names);
            } else {
                names.add(name);
            }
        }
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
