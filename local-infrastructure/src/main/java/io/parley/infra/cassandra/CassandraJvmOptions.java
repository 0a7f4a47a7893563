package io.parley.infra.cassandra;

import io.parley.infra.ServerProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM's options: Cassandra 5.0's {@code conf/jvm-server.options} and {@code conf/jvm17-server.options}
 * (module exports and opens, Netty settings, the jamm agent that measures object sizes), a 512 MB heap, and
 * system properties that skip waits a single local node does not need.
 */
final class CassandraJvmOptions {

    /** From {@code conf/jvm17-server.options} of Cassandra 5.0 ("JPMS" section). */
    private static final List<String> MODULE_ACCESS = List.of(
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED");

    private static final List<String> RUNTIME = List.of(
            "-Xss256k",
            "-XX:+UseG1GC", "-XX:+ParallelRefProcEnabled", "-XX:MaxTenuringThreshold=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:+PerfDisableSharedMem",
            "-Djava.net.preferIPv4Stack=true",
            "-Djdk.attach.allowAttachSelf=true",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-Dio.netty.allocator.useCacheForAllThreads=true",
            "-Dio.netty.allocator.maxOrder=11");

    /**
     * A single node: no ring to join, no gossip to settle, no superuser to wait for, no shutdown to announce, no
     * fsync of throw-away data.
     */
    private static final List<String> SINGLE_LOCAL_NODE = List.of(
            "-Dcassandra-foreground=yes",
            "-Dcassandra.skip_wait_for_gossip_to_settle=0",
            "-Dcassandra.ring_delay_ms=0",
            "-Dcassandra.superuser_setup_delay_ms=0",
            "-Dcassandra.unsafesystem=true",
            "-Dcassandra.skip_sync=true",
            "-Dcassandra.shutdown_announce_in_ms=0",
            // Skips a 2 s measurement at every start; 180 bytes is what Cassandra 5.0 measures on a 64-bit JVM.
            "-Dcassandra.memtable.row_overhead_size=180");

    private CassandraJvmOptions() {
    }

    static List<String> forNode(ServerProfile profile, Path jammJar, Path yaml, Path logbackXml, Path storageDirectory,
            Path logDirectory) {
        List<String> options = new ArrayList<>(RUNTIME);
        options.addAll(profile == ServerProfile.THROUGHPUT ? List.of("-Xms1g", "-Xmx1g") : List.of("-Xms512m", "-Xmx512m"));
        options.addAll(profile.compilerOptions());
        options.add("-javaagent:" + jammJar);
        options.addAll(MODULE_ACCESS);
        options.addAll(SINGLE_LOCAL_NODE);
        options.add("-Dcassandra.config=" + yaml.toUri());
        options.add("-Dcassandra.storagedir=" + storageDirectory);
        options.add("-Dcassandra.logdir=" + logDirectory);
        options.add("-Dlogback.configurationFile=" + logbackXml);
        return List.copyOf(options);
    }
}
