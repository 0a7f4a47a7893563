package io.parley.identity;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Reports a fixed list of addresses, one address group per instance, so round_robin keeps a subchannel to each. */
final class AddressListNameResolver extends NameResolver {

    private final List<String> addresses;
    private Listener2 listener;

    AddressListNameResolver(List<String> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    /** The first instance's address; Parley's channels override the authority with the callee's name anyway. */
    @Override
    public String getServiceAuthority() {
        return addresses.get(0);
    }

    @Override
    public void start(Listener2 listener) {
        this.listener = listener;
        resolve();
    }

    /** Called by the channel after a connection failed: resolves host names again (an IP literal stays as it is). */
    @Override
    public void refresh() {
        if (listener != null) {
            resolve();
        }
    }

    private void resolve() {
        List<EquivalentAddressGroup> groups = new ArrayList<>();
        for (String address : addresses) {
            int colon = address.lastIndexOf(':');
            InetSocketAddress resolved = new InetSocketAddress(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1)));
            if (!resolved.isUnresolved()) {
                groups.add(new EquivalentAddressGroup(resolved));
            }
        }
        if (groups.isEmpty()) {
            listener.onError(Status.UNAVAILABLE.withDescription("none of " + addresses + " resolves"));
        } else {
            listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
        }
    }

    @Override
    public void shutdown() {
        listener = null;
    }
}
