package io.parley.failures;

/**
 * Implemented by a service's own exceptions that mean "lost a race, the same work will succeed when tried
 * again" (a compare-and-set that another writer won), so {@link TransientFailures} treats them like an
 * infrastructure timeout without knowing the service.
 */
public interface TransientFailure {
}
