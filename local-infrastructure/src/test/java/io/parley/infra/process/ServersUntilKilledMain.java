package io.parley.infra.process;

import io.parley.infra.redis.RedisServer;
import io.parley.infra.s3.S3Server;
import java.nio.file.Path;

/**
 * A parent JVM for {@link ParentDeathTest}: starts Redis (native, under its shell wrapper) and S3Proxy (a child
 * JVM), prints the pids of everything it started, and waits to be killed.
 */
public final class ServersUntilKilledMain {

    static final String PIDS_LINE_PREFIX = "CHILD PIDS:";

    private ServersUntilKilledMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path base = Path.of(args[0]);
        RedisServer redis = new RedisServer(base.resolve("redis"));
        S3Server s3 = new S3Server(base.resolve("s3"));
        redis.start();
        s3.start();
        ProcessHandle redisWrapper = ProcessHandle.of(redis.pid().orElseThrow()).orElseThrow();
        StringBuilder pids = new StringBuilder(PIDS_LINE_PREFIX);
        pids.append(' ').append(redisWrapper.pid());
        redisWrapper.descendants().forEach(descendant -> pids.append(' ').append(descendant.pid()));
        pids.append(' ').append(s3.pid().orElseThrow());
        System.out.println(pids);
        System.out.flush();
        Thread.currentThread().join();
    }
}
