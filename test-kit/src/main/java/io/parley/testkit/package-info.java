/**
 * JUnit 5 extensions for integration tests against real servers, one per piece of infrastructure:
 * {@link io.parley.testkit.KafkaExtension}, {@link io.parley.testkit.CassandraExtension},
 * {@link io.parley.testkit.RedisExtension} and {@link io.parley.testkit.S3Extension}.
 *
 * <p>Register them as {@code @RegisterExtension static final} fields. Each test JVM starts at most one server of
 * each kind, on first use, in a folder under the {@code parley.infra.dir} system property (the build sets it to
 * the module's {@code target/local-infrastructure}); it stops when the JVM exits. Per test class each extension
 * gives fresh state: a topic, a keyspace, an emptied Redis, a bucket. Accessors start the server if needed, so
 * they can feed Spring's {@code @DynamicPropertySource}.
 *
 * <p>{@link io.parley.testkit.ReactiveRedisExtension} adds a reactive Redis template for tests without a Spring
 * context; {@link io.parley.testkit.ServiceBootTest} with {@link io.parley.testkit.ServiceBootChecks} is every
 * service's boot test. Their Spring dependencies are optional here: the modules that use them have them.
 */
package io.parley.testkit;
