package io.parley.chat.ids;

/** Issues message ids: Snowflake ids under this process's leased worker id. */
public final class MessageIds {

    private final Snowflake snowflake;
    private final WorkerIdLease lease;

    public MessageIds(Snowflake snowflake, WorkerIdLease lease) {
        this.snowflake = snowflake;
        this.lease = lease;
    }

    /** A new, unique id; throws {@link IdUnavailableException} while no worker id is leased. */
    public long next() {
        return snowflake.next(lease.workerId());
    }
}
