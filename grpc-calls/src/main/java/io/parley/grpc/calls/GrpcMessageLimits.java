package io.parley.grpc.calls;

/**
 * The size limits of every gRPC message between Parley's services, in one place. gRPC's default inbound limit
 * (4 MiB) is not a decision anybody made: a sync page of 100 entries with 64 KiB bodies is 6.5 MB and used to fail
 * every time, locking the device out of sync. So the limit is set explicitly on every server and channel, and the
 * messages that can grow with data are bounded by bytes well below it.
 */
public final class GrpcMessageLimits {

    /** The largest message any Parley server or channel accepts. */
    public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    /** The bytes of inbox entries one FetchInbox page carries at most (always at least one entry). */
    public static final int MAX_INBOX_PAGE_BYTES = 2 * 1024 * 1024;

    /** The bytes of inbox entries one Delivery.Deliver call carries at most (always at least one entry). */
    public static final int MAX_DELIVER_BYTES = 1024 * 1024;

    private GrpcMessageLimits() {
    }
}
