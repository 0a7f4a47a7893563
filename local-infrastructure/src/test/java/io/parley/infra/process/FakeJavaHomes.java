package io.parley.infra.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Folders shaped like Java homes: an executable {@code bin/java} and a {@code release} file. */
public final class FakeJavaHomes {

    private FakeJavaHomes() {
    }

    public static Path create(Path parent, String name, String javaVersion) throws IOException {
        Path home = Files.createDirectories(parent.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
        return home;
    }
}
