package io.parley.infra.cassandra;

import io.parley.infra.ServerStartException;
import io.parley.infra.process.JavaInstallation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the Java runtime for Cassandra 5.0, which runs on Java 17 (it fails on newer releases), whatever
 * runtime the tests or services use. In order: the system property {@value #JAVA_HOME_PROPERTY}, the environment
 * variable {@value #JAVA_HOME_VARIABLE}, this JVM if it is a 17, else the first 17 under {@code /usr/lib/jvm}.
 */
final class CassandraJava {

    static final int REQUIRED_VERSION = 17;
    static final String JAVA_HOME_PROPERTY = "parley.infra.cassandra.java-home";
    static final String JAVA_HOME_VARIABLE = "CASSANDRA_JAVA_HOME";
    static final Path SYSTEM_JVM_FOLDER = Path.of("/usr/lib/jvm");

    /** Where a runtime may come from; a record so that tests can describe any machine. */
    record Sources(String property, String variable, JavaInstallation current, Path jvmFolder) {

        static Sources ofThisMachine() {
            return new Sources(System.getProperty(JAVA_HOME_PROPERTY), System.getenv(JAVA_HOME_VARIABLE),
                    JavaInstallation.current(), SYSTEM_JVM_FOLDER);
        }
    }

    private CassandraJava() {
    }

    static JavaInstallation select() {
        return select(Sources.ofThisMachine());
    }

    static JavaInstallation select(Sources sources) {
        if (isSet(sources.property())) {
            return configured(sources.property(), "system property " + JAVA_HOME_PROPERTY);
        }
        if (isSet(sources.variable())) {
            return configured(sources.variable(), "environment variable " + JAVA_HOME_VARIABLE);
        }
        if (sources.current().featureVersion() == REQUIRED_VERSION) {
            return sources.current();
        }
        List<JavaInstallation> installed = JavaInstallation.findAll(sources.jvmFolder());
        return installed.stream()
                .filter(java -> java.featureVersion() == REQUIRED_VERSION)
                .findFirst()
                .orElseThrow(() -> new ServerStartException("Cassandra needs Java " + REQUIRED_VERSION
                        + ", but this JVM is Java " + sources.current().featureVersion() + " and "
                        + sources.jvmFolder() + " holds " + describe(installed) + ". Install one (Debian: apt-get"
                        + " install -y openjdk-17-jdk-headless) or point -D" + JAVA_HOME_PROPERTY + "=<java home>"
                        + " or " + JAVA_HOME_VARIABLE + " at one."));
    }

    private static JavaInstallation configured(String home, String source) {
        Optional<JavaInstallation> java = JavaInstallation.inspect(Path.of(home));
        if (java.isEmpty()) {
            throw new ServerStartException(source + " names " + home + ", which is not a Java home (no bin/java"
                    + " and release file)");
        }
        if (java.get().featureVersion() != REQUIRED_VERSION) {
            throw new ServerStartException(source + " names Java " + java.get().featureVersion() + " at " + home
                    + ", but Cassandra needs Java " + REQUIRED_VERSION);
        }
        return java.get();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static String describe(List<JavaInstallation> installed) {
        return installed.isEmpty()
                ? "no Java runtime"
                : "only Java " + installed.stream().map(java -> Integer.toString(java.featureVersion())).toList();
    }
}
