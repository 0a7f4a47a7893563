package io.parley.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The public path prefixes ({@code /v1/<first segment>}) a service serves, read from its REST controllers' mapping
 * annotations and its API description path ({@code springdoc.api-docs.path}), so a new controller prefix that the
 * Ingress does not route fails the build instead of answering 404 in production.
 */
final class RestPrefixes {

    private static final Pattern MAPPING = Pattern.compile(
            "@(?:Request|Get|Post|Put|Delete|Patch)Mapping\\(\\s*(?:(?:path|value)\\s*=\\s*)?\"(/v1/[^\"/]+)[^\"]*\"");

    private RestPrefixes() {
    }

    static Set<String> of(ParleyServices service) {
        Path module = Repository.path(service.module());
        Set<String> prefixes = new TreeSet<>(controllerPrefixes(module.resolve("src/main/java")));
        apiDescriptionPath(module).ifPresent(prefixes::add);
        return prefixes;
    }

    static Set<String> controllerPrefixes(Path sources) {
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                prefixes.addAll(inSource(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return prefixes;
    }

    static Set<String> inSource(String source) {
        Set<String> prefixes = new TreeSet<>();
        Matcher matcher = MAPPING.matcher(source);
        while (matcher.find()) {
            prefixes.add(matcher.group(1));
        }
        return prefixes;
    }

    private static java.util.Optional<String> apiDescriptionPath(Path module) {
        try {
            var yaml = new ObjectMapper(new YAMLFactory()).readTree(module.resolve("src/main/resources/application.yaml").toFile());
            String path = yaml.path("springdoc").path("api-docs").path("path").asText("");
            return path.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
