package io.parley.bench.throughput;

import io.parley.bench.report.Latency;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Checks that every message the server acknowledged with {@code sent} reaches its partner exactly once and that
 * every device sees each chat in seq order, and measures send→sent and send→delivered latencies. Messages belong
 * to the step in which they were written; a step is closed (its missing messages counted lost) after its drain.
 * Called from several event loop threads: every method is synchronized (a few thousand calls per second).
 */
public final class DeliveryTracker {

    private final Map<String, Pending> pending = new HashMap<>();
    private final Map<String, ChatOrder> orders = new HashMap<>();
    /** Messages counted lost when their step closed, until they turn up after all. */
    private final Map<String, Integer> lostAtClose = new HashMap<>();
    private long lostThenArrived;
    private final Map<Integer, Step> steps = new HashMap<>();
    private int currentStep = -1;
    /** Where arrivals go between one step's close and the next one's start; carried into the next step. */
    private Step between = new Step();

    /** Messages written from now on belong to {@code step}. */
    public synchronized void beginStep(int step) {
        currentStep = step;
        Step next = new Step();
        next.late = between.late;
        next.duplicated = between.duplicated;
        next.outOfOrder = between.outOfOrder;
        between = new Step();
        steps.put(step, next);
    }

    /** A send frame for the partner {@code receiver} was written at {@code writtenNanos}, due at {@code dueNanos}. */
    public synchronized void written(String clientMsgId, int receiver, long dueNanos, long writtenNanos) {
        Step step = steps.get(currentStep);
        step.written++;
        step.firstWrite = Math.min(step.firstWrite, writtenNanos);
        step.lag.recordValue(micros(writtenNanos - dueNanos));
        pending.put(clientMsgId, new Pending(currentStep, receiver, writtenNanos));
        step.outstanding++;
    }

    /** The server answered {@code sent}. */
    public synchronized void sent(String clientMsgId, long nanos) {
        Pending p = pending.get(clientMsgId);
        if (p == null || p.sentAt != 0) {
            return;
        }
        p.sentAt = nanos;
        Step step = steps.get(p.step);
        step.sentAcked++;
        step.sendToSent.recordValue(micros(nanos - p.writtenAt));
    }

    /** The server answered {@code error} to the send; the message will not be retried. */
    public synchronized void failed(String clientMsgId) {
        Pending p = pending.get(clientMsgId);
        if (p == null || p.failed) {
            return;
        }
        p.failed = true;
        Step step = steps.get(p.step);
        step.errors++;
        if (p.deliveries == 0) {
            step.outstanding--;
        }
    }

    /**
     * Device {@code device} received message {@code seq} of {@code chat}: its partner's ({@code fromPartner}) or
     * the echo of its own.
     */
    public synchronized void received(int device, String chat, long seq, String clientMsgId, boolean fromPartner,
            long nanos) {
        ChatOrder order = orders.computeIfAbsent(device + "|" + chat, key -> new ChatOrder());
        Pending p = clientMsgId == null ? null : pending.get(clientMsgId);
        Step step = steps.getOrDefault(p != null ? p.step : currentStep, between);
        if (seq > 0 && seq <= Integer.MAX_VALUE) {
            int bit = (int) seq;
            if (order.seen.get(bit)) {
                step.duplicated++;
            } else {
                if (seq < order.maxSeq) {
                    step.outOfOrder++;
                }
                order.seen.set(bit);
                order.maxSeq = Math.max(order.maxSeq, seq);
            }
        }
        if (p == null) {
            if (fromPartner) {
                step.late++;
                if (clientMsgId != null && lostAtClose.remove(clientMsgId) != null) {
                    lostThenArrived++;
                }
            }
            return;
        }
        if (device != p.receiver) {
            return;
        }
        p.deliveries++;
        if (p.deliveries == 1) {
            step.delivered++;
            step.firstDelivery = Math.min(step.firstDelivery, nanos);
            step.lastDelivery = Math.max(step.lastDelivery, nanos);
            step.sendToDelivered.recordValue(micros(nanos - p.writtenAt));
            if (!p.failed) {
                step.outstanding--;
            }
        }
    }

    /** Messages counted lost at their step's close that have not arrived since: lost for good so far. */
    public synchronized long stillLost() {
        return lostAtClose.size();
    }

    /** Messages counted lost at their step's close that arrived later (slow, not lost). */
    public synchronized long lostThenArrived() {
        return lostThenArrived;
    }

    /** Messages of {@code step} neither delivered nor refused yet. */
    public synchronized long outstanding(int step) {
        return steps.get(step).outstanding;
    }

    /** Counts what never arrived and forgets the step's messages (a later arrival counts as late). */
    public synchronized StepCounts close(int stepIndex, double intendedSeconds) {
        Step step = steps.remove(stepIndex);
        long lost = 0;
        long unconfirmed = 0;
        long deliveredUnconfirmed = 0;
        for (Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Pending> entry = it.next();
            String id = entry.getKey();
            Pending p = entry.getValue();
            if (p.step != stepIndex) {
                continue;
            }
            it.remove();
            if (p.sentAt != 0 && p.deliveries == 0) {
                lost++;
                lostAtClose.put(id, stepIndex);
            } else if (p.sentAt == 0 && !p.failed) {
                if (p.deliveries == 0) {
                    unconfirmed++;
                } else {
                    deliveredUnconfirmed++;
                }
            }
        }
        return new StepCounts(step.written, step.sentAcked, step.errors, step.delivered,
                deliveredPerSecond(step, intendedSeconds), lost, step.duplicated, step.outOfOrder,
                step.late, unconfirmed, deliveredUnconfirmed, Latency.ofMicros(step.sendToSent),
                Latency.ofMicros(step.sendToDelivered), Latency.ofMicros(step.lag));
    }

    /**
     * Deliveries over the span from the first to the last of them: the offered rate when the server keeps up
     * (the span is the step's length), less when deliveries stretch out behind a backlog. Never above what the
     * step's intended length allows, so a burst at the end does not inflate it.
     */
    private static double deliveredPerSecond(Step step, double intendedSeconds) {
        if (step.delivered == 0) {
            return 0;
        }
        double span = (step.lastDelivery - step.firstDelivery) / 1e9;
        return step.delivered / Math.max(span, intendedSeconds * (step.delivered - 1) / Math.max(1, step.written));
    }

    private static long micros(long nanos) {
        return Math.max(0, nanos / 1000);
    }

    private static final class Pending {
        final int step;
        final int receiver;
        final long writtenAt;
        long sentAt;
        boolean failed;
        int deliveries;

        Pending(int step, int receiver, long writtenAt) {
            this.step = step;
            this.receiver = receiver;
            this.writtenAt = writtenAt;
        }
    }

    private static final class ChatOrder {
        final BitSet seen = new BitSet();
        long maxSeq;
    }

    private static final class Step {
        long written;
        long sentAcked;
        long errors;
        long delivered;
        long duplicated;
        long outOfOrder;
        long late;
        long outstanding;
        long firstWrite = Long.MAX_VALUE;
        long firstDelivery = Long.MAX_VALUE;
        long lastDelivery;
        final Histogram sendToSent = Latency.newMicrosHistogram();
        final Histogram sendToDelivered = Latency.newMicrosHistogram();
        final Histogram lag = Latency.newMicrosHistogram();
    }
}
