package io.parley.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code @ConfigurationProperties} records of a library package on the test classpath (a jar or a directory). */
final class SharedRecords {

    private SharedRecords() {
    }

    static Stream<Class<?>> inPackage(String packageName) {
        ClassLoader loader = SharedRecords.class.getClassLoader();
        String folder = packageName.replace('.', '/');
        try {
            var url = loader.getResource(folder);
            if (url == null) {
                throw new IllegalStateException("package not on the classpath: " + packageName);
            }
            List<String> classNames;
            if ("jar".equals(url.getProtocol())) {
                try (FileSystem jar = FileSystems.newFileSystem(url.toURI(), Map.of())) {
                    classNames = classNames(jar.getPath(folder), folder);
                }
            } else {
                classNames = classNames(Path.of(url.toURI()), folder);
            }
            return classNames.stream().<Class<?>>map(name -> load(name, loader))
                    .filter(type -> type.isRecord() && type.isAnnotationPresent(ConfigurationProperties.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> classNames(Path dir, String folder) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> (folder + "/" + name).replace('/', '.').replaceAll("\\.class$", ""))
                    .toList();
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
