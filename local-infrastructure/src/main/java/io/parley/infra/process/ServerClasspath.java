package io.parley.infra.process;

import io.parley.infra.ServerStartException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The runtime classpath of a server, as resolved by Maven when local-infrastructure-servers was built: the module
 * for server {@code kafka} ships {@code io/parley/infra/servers/kafka.classpath}, a path-separated list of jars
 * in the local Maven repository. The server runs in a child JVM on exactly these jars, isolated from ours.
 */
public record ServerClasspath(String server, List<Path> entries) {

    private static final String RESOURCE_FOLDER = "io/parley/infra/servers/";

    public ServerClasspath {
        entries = List.copyOf(entries);
    }

    /** Loads and checks the classpath of {@code server}. */
    public static ServerClasspath load(String server) {
        String resource = RESOURCE_FOLDER + server + ".classpath";
        try (InputStream in = ServerClasspath.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ServerStartException("No classpath for server '" + server + "': resource " + resource
                        + " is missing. Add io.parley:" + server + "-server-classpath as a dependency.");
            }
            return parse(server, new String(in.readAllBytes(), StandardCharsets.UTF_8)).requireAllPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    static ServerClasspath parse(String server, String content) {
        List<Path> entries = Arrays.stream(content.split("[" + File.pathSeparator + "\\r\\n]+"))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(Path::of)
                .toList();
        return new ServerClasspath(server, entries);
    }

    /** Fails if a jar is missing, as when the local Maven repository was cleaned after the build. */
    ServerClasspath requireAllPresent() {
        if (entries.isEmpty()) {
            throw new ServerStartException("The classpath of server '" + server + "' is empty");
        }
        List<Path> missing = entries.stream().filter(entry -> !Files.exists(entry)).toList();
        if (!missing.isEmpty()) {
            throw new ServerStartException("The classpath of server '" + server + "' names " + missing.size()
                    + " missing file(s), first " + missing.get(0) + ". Rebuild it: mvn -pl local-infrastructure-servers/"
                    + server + " -am install");
        }
        return this;
    }

    /** The jar whose file name starts with {@code prefix}, such as {@code "jamm-"}. */
    public Path jarNamed(String prefix) {
        return entries.stream()
                .filter(entry -> entry.getFileName().toString().startsWith(prefix))
                .filter(entry -> entry.getFileName().toString().endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new ServerStartException(
                        "No jar named " + prefix + "* on the classpath of server '" + server + "'"));
    }
}
