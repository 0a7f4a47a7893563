package io.parley.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Time comes from an injected {@code java.time.Clock}, so tests can set it. Reading the wall clock directly
 * ({@code System.currentTimeMillis()}, {@code Instant.now()} and the other no-argument {@code now()}s) is never
 * allowed; creating the system clock ({@code Clock.systemUTC()}, {@code Clock.systemDefaultZone()}) only where
 * objects are wired: a Spring {@code @Bean} method, a {@code main} method, or a library's {@code Builder}
 * (its default for callers without Spring). {@code System.nanoTime()} is allowed: it measures durations, not the time of day. Method
 * references ({@code Instant::now}) count as calls.
 */
public final class InjectedClock {

    static final String BEAN = "org.springframework.context.annotation.Bean";
    private static final Set<String> WALL_CLOCK_READS = Set.of(
            "java.lang.System.currentTimeMillis",
            "java.time.Instant.now", "java.time.LocalDateTime.now", "java.time.LocalDate.now",
            "java.time.LocalTime.now", "java.time.ZonedDateTime.now", "java.time.OffsetDateTime.now");
    private static final Set<String> SYSTEM_CLOCKS = Set.of("java.time.Clock.systemUTC", "java.time.Clock.systemDefaultZone");

    private InjectedClock() {
    }

    public static ArchRule under(String rootPackage) {
        return classes().that().resideInAPackage(rootPackage + "..")
                .should(readTimeOnlyFromAnInjectedClock())
                .allowEmptyShould(true)
                .because("code that reads the wall clock itself cannot be tested at a chosen time");
    }

    private static ArchCondition<JavaClass> readTimeOnlyFromAnInjectedClock() {
        return new ArchCondition<>("read the time only from an injected Clock") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                List<JavaCodeUnitAccess<?>> accesses = new ArrayList<>(origin.getMethodCallsFromSelf());
                accesses.addAll(origin.getMethodReferencesFromSelf());
                for (JavaCodeUnitAccess<?> access : accesses) {
                    if (isForbidden(access)) {
                        events.add(SimpleConditionEvent.violated(origin, access.getDescription()
                                + ": take the time from an injected java.time.Clock"));
                    }
                }
            }
        };
    }

    private static boolean isForbidden(JavaCodeUnitAccess<?> access) {
        CodeUnitAccessTarget target = access.getTarget();
        if (!target.getParameterTypes().isEmpty()) {
            return false; // now(Clock), now(ZoneId): the caller chose the clock
        }
        String name = target.getOwner().getName() + "." + target.getName();
        if (WALL_CLOCK_READS.contains(name)) {
            return true;
        }
        return SYSTEM_CLOCKS.contains(name) && !isWiring(access.getOrigin());
    }

    private static boolean isWiring(JavaCodeUnit origin) {
        return origin.isAnnotatedWith(BEAN)
                || origin.getName().equals("main") && origin.getModifiers().contains(JavaModifier.STATIC)
                || origin.getOwner().getSimpleName().equals("Builder");
    }
}
