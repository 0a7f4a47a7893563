package io.parley.identity;

import io.grpc.MethodDescriptor;
import java.util.Map;
import java.util.Set;

/** Which services may call which gRPC service or method (see {@link ServiceIdentitySettings#callers()}). */
record CallerAllowList(Map<String, Set<String>> callers) {

    CallerAllowList {
        callers = Map.copyOf(callers);
    }

    boolean allows(MethodDescriptor<?, ?> method, String caller) {
        Set<String> allowed = callers.get(method.getFullMethodName());
        if (allowed == null) {
            allowed = callers.getOrDefault(method.getServiceName(), Set.of());
        }
        return allowed.contains(caller);
    }
}
