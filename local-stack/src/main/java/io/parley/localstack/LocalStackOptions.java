package io.parley.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@code bin/run-local}. This file uses the JDK only, so that bin/run-local can run it as a
 * single source file ({@code java LocalStackOptions.java ARGS}) to print the help or reject a bad option BEFORE it
 * spends minutes building; {@link #main} is that check.
 *
 * @param jvmOptions extra flags for every service JVM, after the profile's (so they win)
 * @param listenOnAllInterfaces false: every service port listens on 127.0.0.1 only
 * @param portOffset added to every service port, to run a second stack beside one on the usual ports
 * @param gateways how many gateway-service instances run (1 to {@value #MAX_INSTANCES})
 * @param chatServices how many chat-service instances run (1 to {@value #MAX_INSTANCES})
 */
record LocalStackOptions(Path repoRoot, Path dataDir, Profile profile, List<String> jvmOptions,
        boolean listenOnAllInterfaces, int portOffset, int gateways, int chatServices, boolean help) {

    static final String USAGE = """
            Usage: bin/run-local [OPTION]...
            Builds Parley (tests skipped), then runs it in the foreground: Kafka, Cassandra, Redis and S3Proxy on
            127.0.0.1, then the seven services. Ctrl-C stops everything. Data and logs: target/local-stack.

              --profile=NAME         JVM tuning of the services and servers:
                                       quick-start (default) C1 compiler only, small heaps: the fastest start, and
                                                             on a 2-core machine also the most messages per second
                                       throughput            full tiered compiler (C2), larger heaps: for the bench
                                                             on a machine with cores to spare (docs/performance.md)
              --jvm-options='FLAGS'  extra JVM flags for every service, after the profile's (they win), e.g.
                                     --jvm-options='-Xmx1g -Xlog:gc'
              --listen=WHERE         loopback (default): every service port listens on 127.0.0.1 only;
                                     all: on every interface (other machines can connect)
              --port-offset=N        add N to every service port (default 0: HTTP 8080-8086, gRPC 9080-9086),
                                     e.g. 1000 for a second stack beside one on the usual ports
              --gateways=N           run N gateway-service instances, 1 to 4 (default 1); the n-th listens on the
                                     first one's ports + (n-1)*100 (ws://127.0.0.1:8180/v1/ws for the second) and
                                     logs to gateway-service-n.log
              --chat-services=N      run N chat-service instances, 1 to 4 (default 1), on ports + (n-1)*100; their
                                     callers balance over all of them
              --data-dir=DIR         data and logs (default: target/local-stack under the repository)
              --repo-root=DIR        the repository whose built service jars run (default: working directory)
              -h, --help             print this help and exit, without building
            """;

    /** The most instances of a gateway or chat-service: each has its own ports and JVM on this one machine. */
    static final int MAX_INSTANCES = 4;

    /** What an extra instance adds to the first one's ports (here, not in ServiceInstance: this file is JDK-only). */
    static final int INSTANCE_PORT_STEP = 100;

    /** The highest service port is 9086 plus the extra instances'; the offset keeps every port a valid one. */
    static final int MAX_PORT_OFFSET = 65535 - 9086 - (MAX_INSTANCES - 1) * INSTANCE_PORT_STEP;

    enum Profile {
        QUICK_START("quick-start"), THROUGHPUT("throughput");

        final String optionValue;

        Profile(String optionValue) {
            this.optionValue = optionValue;
        }
    }

    LocalStackOptions {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** bin/run-local's check before it builds: exit 0 when the options are valid (help printed if asked), else 2. */
    public static void main(String[] args) {
        try {
            if (parse(args).help()) {
                System.out.print(USAGE);
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** Fails with a message naming the bad option and listing the valid ones. */
    static LocalStackOptions parse(String... args) {
        Path repoRoot = Path.of("").toAbsolutePath();
        Path dataDir = null;
        Profile profile = Profile.QUICK_START;
        List<String> jvmOptions = List.of();
        boolean allInterfaces = false;
        int portOffset = 0;
        int gateways = 1;
        int chatServices = 1;
        boolean help = false;
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=') + 1) : arg;
            String value = arg.substring(name.length());
            switch (name) {
                case "-h", "--help" -> help = true;
                case "--repo-root=" -> repoRoot = Path.of(nonEmpty(arg, value)).toAbsolutePath();
                case "--data-dir=" -> dataDir = Path.of(nonEmpty(arg, value)).toAbsolutePath();
                case "--profile=" -> profile = profile(value);
                case "--jvm-options=" -> jvmOptions = jvmOptions(value);
                case "--listen=" -> allInterfaces = listenOnAll(value);
                case "--port-offset=" -> portOffset = portOffset(value);
                case "--gateways=" -> gateways = instances("--gateways", value);
                case "--chat-services=" -> chatServices = instances("--chat-services", value);
                default -> throw invalid("Unknown option " + arg);
            }
        }
        return new LocalStackOptions(repoRoot, dataDir != null ? dataDir : repoRoot.resolve("target/local-stack"),
                profile, jvmOptions, allInterfaces, portOffset, gateways, chatServices, help);
    }

    private static Profile profile(String value) {
        return Arrays.stream(Profile.values()).filter(profile -> profile.optionValue.equals(value)).findFirst()
                .orElseThrow(() -> invalid("Invalid --profile=" + value + ": use quick-start or throughput"));
    }

    private static List<String> jvmOptions(String value) {
        List<String> flags = Arrays.stream(value.trim().split("\\s+")).filter(flag -> !flag.isEmpty()).toList();
        flags.stream().filter(flag -> !flag.startsWith("-")).findFirst().ifPresent(flag -> {
            throw invalid("Invalid --jvm-options: " + flag + " is not a JVM flag (they start with -)");
        });
        return flags;
    }

    private static boolean listenOnAll(String value) {
        return switch (value) {
            case "loopback" -> false;
            case "all" -> true;
            default -> throw invalid("Invalid --listen=" + value + ": use loopback or all");
        };
    }

    private static int portOffset(String value) {
        try {
            int offset = Integer.parseInt(value);
            if (offset >= 0 && offset <= MAX_PORT_OFFSET) {
                return offset;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below, with the valid range.
        }
        throw invalid("Invalid --port-offset=" + value + ": use a whole number from 0 to " + MAX_PORT_OFFSET);
    }

    private static int instances(String option, String value) {
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= MAX_INSTANCES) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below, with the valid range.
        }
        throw invalid("Invalid " + option + "=" + value + ": use a whole number from 1 to " + MAX_INSTANCES);
    }

    private static String nonEmpty(String arg, String value) {
        if (value.isBlank()) {
            throw invalid("Invalid " + arg + ": give a directory");
        }
        return value;
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException(problem + "\n\n" + USAGE);
    }
}
