package io.parley.infra;

import io.parley.infra.cassandra.CassandraServer;
import io.parley.infra.kafka.KafkaServer;
import io.parley.infra.redis.RedisServer;
import io.parley.infra.s3.S3Server;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * All of Parley's infrastructure on 127.0.0.1: Kafka, Cassandra, Redis and S3, each in a sub-folder of one base
 * directory. The servers start in parallel (Cassandra takes longest, the others fit in its shadow) and stop with
 * {@link #close()} or, at the latest, with this JVM.
 *
 * <pre>{@code
 * try (LocalInfrastructure infrastructure = LocalInfrastructure.start()) {
 *     System.out.println(infrastructure.describe());
 *     ...
 * }
 * }</pre>
 */
public final class LocalInfrastructure implements AutoCloseable {

    private final KafkaServer kafka;
    private final CassandraServer cassandra;
    private final RedisServer redis;
    private final S3Server s3;

    private LocalInfrastructure(Path baseDirectory, ServerProfile profile) {
        Path base = baseDirectory.toAbsolutePath().normalize();
        this.kafka = new KafkaServer(base.resolve("kafka"), profile);
        this.cassandra = new CassandraServer(base.resolve("cassandra"), profile);
        this.redis = new RedisServer(base.resolve("redis"));
        this.s3 = new S3Server(base.resolve("s3"));
    }

    /** Starts everything under {@link InfrastructureDirectory#defaultBaseDirectory()}. */
    public static LocalInfrastructure start() {
        return start(InfrastructureDirectory.defaultBaseDirectory());
    }

    /**
     * Starts everything under {@code baseDirectory}, replacing servers an earlier run left there. If one server
     * fails, the others are stopped and the failure is thrown (with the other failures suppressed).
     */
    public static LocalInfrastructure start(Path baseDirectory) {
        return start(baseDirectory, ServerProfile.QUICK_START);
    }

    /** Like {@link #start(Path)}, with the servers' JVMs tuned for {@code profile}. */
    public static LocalInfrastructure start(Path baseDirectory, ServerProfile profile) {
        LocalInfrastructure infrastructure = new LocalInfrastructure(baseDirectory, profile);
        infrastructure.startAll();
        return infrastructure;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public CassandraServer cassandra() {
        return cassandra;
    }

    public RedisServer redis() {
        return redis;
    }

    public S3Server s3() {
        return s3;
    }

    /** Cassandra first: it is the slowest. */
    public List<LocalServer> servers() {
        return List.of(cassandra, kafka, redis, s3);
    }

    public InfrastructureEndpoints describe() {
        return new InfrastructureEndpoints(kafka.bootstrapServers(), cassandra.contactPoint(),
                cassandra.localDatacenter(), redis.uri(), s3.endpoint(), s3.region());
    }

    /** Stops all servers, in parallel. */
    @Override
    public void close() {
        inParallel(LocalServer::stop);
    }

    private void startAll() {
        try {
            inParallel(LocalServer::start);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void inParallel(Consumer<LocalServer> action) {
        ExecutorService executor = Executors.newFixedThreadPool(servers().size(), LocalInfrastructure::daemonThread);
        try {
            List<CompletableFuture<Void>> tasks = servers().stream()
                    .map(server -> CompletableFuture.runAsync(() -> action.accept(server), executor))
                    .toList();
            rethrowFailures(tasks);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void rethrowFailures(List<CompletableFuture<Void>> tasks) {
        List<RuntimeException> failures = new ArrayList<>();
        for (CompletableFuture<Void> task : tasks) {
            try {
                task.join();
            } catch (CompletionException e) {
                failures.add(e.getCause() instanceof RuntimeException cause ? cause : e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static Thread daemonThread(Runnable task) {
        Thread thread = new Thread(task, "local-infrastructure");
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public String toString() {
        return "LocalInfrastructure" + servers();
    }
}
