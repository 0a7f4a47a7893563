package io.parley.identity;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a call only if the caller presented a certificate (mutual TLS) whose service name the allow-list admits
 * for that method: UNAUTHENTICATED without one, PERMISSION_DENIED for a service that has no business calling.
 * Refusals are counted ({@code parley.grpc.calls.refused{service, caller, reason}}) and logged.
 */
final class CallerAuthorization implements ServerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(CallerAuthorization.class);

    private final CallerAllowList allowList;
    private final MeterRegistry meters;

    CallerAuthorization(CallerAllowList allowList, MeterRegistry meters) {
        this.allowList = allowList;
        this.meters = meters;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                       ServerCallHandler<Q, A> next) {
        Optional<String> caller = CallerIdentity.of(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
        String method = call.getMethodDescriptor().getFullMethodName();
        if (caller.isEmpty()) {
            return refuse(call, Status.UNAUTHENTICATED.withDescription("a service certificate is required"),
                    "none", "unauthenticated");
        }
        if (!allowList.allows(call.getMethodDescriptor(), caller.get())) {
            return refuse(call, Status.PERMISSION_DENIED.withDescription(caller.get() + " may not call " + method),
                    caller.get(), "not_allowed");
        }
        return next.startCall(call, headers);
    }

    private <Q, A> ServerCall.Listener<Q> refuse(ServerCall<Q, A> call, Status status, String caller, String reason) {
        String service = call.getMethodDescriptor().getServiceName();
        log.warn("refused gRPC call method={} caller={} reason={}", call.getMethodDescriptor().getFullMethodName(),
                caller, reason);
        Counter.builder("parley.grpc.calls.refused").description("gRPC calls refused by the caller allow-list")
                .tag("service", String.valueOf(service)).tag("caller", caller).tag("reason", reason)
                .register(meters).increment();
        call.close(status, new Metadata());
        return new ServerCall.Listener<>() {
        };
    }
}
