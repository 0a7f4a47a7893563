package io.parley.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to start (and restart) one service instance as a child JVM.
 *
 * @param instanceName names the log file, e.g. {@code gateway-service-2} when two gateways run
 * @param environment settings, as environment variables (PARLEY_PORTS_HTTP, PARLEY_GATEWAY_CHAT_SERVICE_ADDRESS ...)
 */
public record ServiceLaunch(ServiceDefinition service, String instanceName, Path jar, Map<String, String> environment,
        List<String> jvmOptions, Path logDirectory) {

    /**
     * Small heaps and the C1 compiler: seven services and the infrastructure share one small machine, and tests
     * start them many times.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xmx384m", "-Xss512k", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /**
     * For a stack that serves load (bin/run-local, the bench module): the full tiered compiler, whose C2 code runs
     * the hot paths several times faster than C1, and room for the young generation. The serial collector stays:
     * with two cores shared by eleven JVMs, a concurrent collector's threads only compete with the work. A fixed
     * 256 MB young generation: chat-service allocates a few hundred KB per message, and with the default sizing it
     * collected every 2-3 s under load, 100 ms each on a busy machine.
     */
    public static final List<String> THROUGHPUT_JVM_OPTIONS = List.of(
            "-Xms512m", "-Xmx768m", "-Xmn256m", "-Xss512k", "-XX:+UseSerialGC");

    public ServiceLaunch {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(jar, "jar");
        environment = Map.copyOf(environment);
        jvmOptions = List.copyOf(jvmOptions);
        Objects.requireNonNull(logDirectory, "logDirectory");
    }

    /** The service's usual launch: its ports and infrastructure settings, the default JVM options. */
    public static ServiceLaunch of(ServiceDefinition service, Path jar, Map<String, String> environment, Path logDirectory) {
        return new ServiceLaunch(service, service.name(), jar, environment, DEFAULT_JVM_OPTIONS, logDirectory);
    }

    public ServiceLaunch withJvmOptions(List<String> options) {
        return new ServiceLaunch(service, instanceName, jar, environment, options, logDirectory);
    }

    public ServiceLaunch withInstanceName(String name) {
        return new ServiceLaunch(service, name, jar, environment, jvmOptions, logDirectory);
    }

    /** The same launch with more (or overriding) settings. */
    public ServiceLaunch withEnvironment(Map<String, String> more) {
        Map<String, String> merged = new java.util.HashMap<>(environment);
        merged.putAll(more);
        return new ServiceLaunch(service, instanceName, jar, merged, jvmOptions, logDirectory);
    }

    public Path log() {
        return logDirectory.resolve(instanceName + ".log");
    }
}
