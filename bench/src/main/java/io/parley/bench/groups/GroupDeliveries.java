package io.parley.bench.groups;

import io.parley.bench.report.Latency;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * What every member of one group received of the messages sent into it: each of {@code messages} messages must
 * reach each of the {@code members} members except its sender exactly once, and every member must see the group's
 * messages in seq order. Records the latency of every delivery and, per message, the latency at its last member
 * (when the whole group has it). Thread-safe: members are called on the bench's event loops.
 */
public final class GroupDeliveries {

    private final int members;
    private final int messages;
    private final BitSet[] seen;
    private final long[] lastSeq;
    private final int[] senderOf;
    private final long[] dueNanos;
    private final AtomicIntegerArray missing;
    private final AtomicLongArray lastArrival;
    private final boolean[] acknowledged;
    private final Histogram perDelivery = Latency.newMicrosHistogram();
    private final Histogram atLastMember = Latency.newMicrosHistogram();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder duplicated = new LongAdder();
    private final LongAdder outOfOrder = new LongAdder();
    private final LongAdder foreign = new LongAdder();
    private volatile long firstDue = Long.MAX_VALUE;
    private volatile long lastDelivery;

    public GroupDeliveries(int members, int messages) {
        this.members = members;
        this.messages = messages;
        this.seen = new BitSet[members];
        this.lastSeq = new long[members];
        for (int i = 0; i < members; i++) {
            seen[i] = new BitSet(messages);
        }
        this.senderOf = new int[messages];
        this.dueNanos = new long[messages];
        this.missing = new AtomicIntegerArray(messages);
        this.lastArrival = new AtomicLongArray(messages);
        this.acknowledged = new boolean[messages];
    }

    /** Message {@code index} is about to be sent by member {@code sender}, due at {@code due} (nanoTime). */
    public synchronized void sending(int index, int sender, long due) {
        senderOf[index] = sender;
        dueNanos[index] = due;
        missing.set(index, members - 1);
        firstDue = Math.min(firstDue, due);
    }

    /** The sender got {@code sent}: the message is durable, so every other member must get it. */
    public synchronized void acknowledged(int index) {
        acknowledged[index] = true;
    }

    /** Member {@code member} received message {@code index} with chat seq {@code seq} at {@code nanos}. */
    public void received(int member, int index, long seq, long nanos) {
        if (index < 0 || index >= messages) {
            foreign.increment();
            return;
        }
        long due;
        synchronized (this) {
            if (senderOf[index] == member) {
                return;
            }
            if (seen[member].get(index)) {
                duplicated.increment();
                return;
            }
            seen[member].set(index);
            if (seq < lastSeq[member]) {
                outOfOrder.increment();
            }
            lastSeq[member] = Math.max(lastSeq[member], seq);
            due = dueNanos[index];
            perDelivery.recordValue(Math.max(0, (nanos - due) / 1000));
            lastDelivery = Math.max(lastDelivery, nanos);
        }
        delivered.increment();
        lastArrival.accumulateAndGet(index, nanos, Math::max);
        if (missing.decrementAndGet(index) == 0) {
            synchronized (this) {
                atLastMember.recordValue(Math.max(0, (lastArrival.get(index) - due) / 1000));
            }
        }
    }

    /** Deliveries still owed for acknowledged messages (every member but the sender, each). */
    public synchronized long lost() {
        long lost = 0;
        for (int i = 0; i < messages; i++) {
            if (acknowledged[i]) {
                lost += missing.get(i);
            }
        }
        return lost;
    }

    public synchronized long acknowledgedCount() {
        long count = 0;
        for (boolean ack : acknowledged) {
            count += ack ? 1 : 0;
        }
        return count;
    }

    /** Whether member {@code member} has every acknowledged message sent by someone else. */
    public synchronized boolean complete(int member) {
        for (int i = 0; i < messages; i++) {
            if (acknowledged[i] && senderOf[i] != member && !seen[member].get(i)) {
                return false;
            }
        }
        return true;
    }

    public long delivered() {
        return delivered.sum();
    }

    public long duplicated() {
        return duplicated.sum();
    }

    public long outOfOrder() {
        return outOfOrder.sum();
    }

    /** Deliveries per second from the first message's due time to the last delivery. */
    public synchronized double deliveriesPerSecond() {
        long span = lastDelivery - firstDue;
        return span <= 0 ? 0 : delivered.sum() / (span / 1e9);
    }

    public synchronized Latency perDelivery() {
        return Latency.ofMicros(perDelivery);
    }

    public synchronized Latency atLastMember() {
        return Latency.ofMicros(atLastMember);
    }
}
