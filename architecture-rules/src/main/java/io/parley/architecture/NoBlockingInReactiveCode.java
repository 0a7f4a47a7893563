package io.parley.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * No blocking wait in code that runs on a reactive (event-loop) thread, where one blocked call stalls every
 * connection of that thread. Which code runs there cannot be seen in bytecode, so the rule approximates it:
 * classes in a {@code web} or {@code websocket} package, REST controllers, and every class with a method that
 * returns {@code Mono} or {@code Flux} must not call {@code block()}, {@code blockOptional()},
 * {@code blockFirst()}, {@code blockLast()}, {@code toIterable()}, {@code toStream()}, or
 * {@code get()}/{@code join()} on a {@code Future}/{@code CompletableFuture} (as in {@code toFuture().get()}).
 * Start-up code may wait: constructors, static initializers, {@code @Bean} and {@code @PostConstruct} methods
 * and {@code afterPropertiesSet()} run on the thread that starts the application.
 *
 * <p>Not caught: a blocking call in a helper class with no reactive signature that reactive code calls; other
 * blocking calls (JDBC, {@code Thread.sleep}, synchronous I/O); a Reactor chain built in a class that only
 * returns {@code CompletableFuture}s.
 */
public final class NoBlockingInReactiveCode {

    private static final Set<String> REACTIVE_TYPES = Set.of("reactor.core.publisher.Mono", "reactor.core.publisher.Flux");
    private static final Set<String> REACTIVE_PACKAGES = Set.of("web", "websocket");
    private static final Set<String> BLOCKING_REACTOR = Set.of("block", "blockOptional", "blockFirst", "blockLast",
            "toIterable", "toStream");
    private static final Set<String> FUTURES = Set.of("java.util.concurrent.Future", "java.util.concurrent.CompletableFuture");
    private static final Set<String> BLOCKING_FUTURE = Set.of("get", "join");

    private NoBlockingInReactiveCode() {
    }

    public static ArchRule under(String rootPackage) {
        return classes().that().resideInAPackage(rootPackage + "..")
                .should(notBlockIfReactive(rootPackage))
                .allowEmptyShould(true)
                .because("a blocked event-loop thread stalls every connection it serves");
    }

    private static ArchCondition<JavaClass> notBlockIfReactive(String root) {
        return new ArchCondition<>("not block if it runs on a reactive thread") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                if (!isReactive(root, origin)) {
                    return;
                }
                List<JavaCodeUnitAccess<?>> accesses = new ArrayList<>(origin.getMethodCallsFromSelf());
                accesses.addAll(origin.getMethodReferencesFromSelf());
                for (JavaCodeUnitAccess<?> access : accesses) {
                    if (isBlocking(access) && !isStartUp(access.getOrigin())) {
                        events.add(SimpleConditionEvent.violated(origin, access.getDescription()
                                + ": blocks in a class that runs on a reactive thread"));
                    }
                }
            }
        };
    }

    static boolean isReactive(String root, JavaClass type) {
        JavaClass outer = PackageRoles.topLevel(type);
        return PackageRoles.transportPackage(root, type.getPackageName())
                        .filter(pkg -> REACTIVE_PACKAGES.contains(pkg.substring(pkg.lastIndexOf('.') + 1)))
                        .isPresent()
                || PackageRoles.isController(type)
                || returnsReactiveTypes(type)
                || returnsReactiveTypes(outer);
    }

    private static boolean returnsReactiveTypes(JavaClass type) {
        for (JavaMethod method : type.getMethods()) {
            if (REACTIVE_TYPES.contains(method.getRawReturnType().getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStartUp(JavaCodeUnit code) {
        return code.isConstructor() || code.getName().equals("<clinit>")
                || code.getName().equals("afterPropertiesSet") && code.getParameters().isEmpty()
                || code.isAnnotatedWith(InjectedClock.BEAN)
                || code.isAnnotatedWith("jakarta.annotation.PostConstruct");
    }

    private static boolean isBlocking(JavaCodeUnitAccess<?> access) {
        String owner = access.getTarget().getOwner().getName();
        String method = access.getTarget().getName();
        return REACTIVE_TYPES.contains(owner) && BLOCKING_REACTOR.contains(method)
                || FUTURES.contains(owner) && BLOCKING_FUTURE.contains(method);
    }
}
