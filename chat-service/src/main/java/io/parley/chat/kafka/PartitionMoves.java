package io.parley.chat.kafka;

import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * What a consumer remembers about its keys (the sequencers' high-water marks) is only valid while it keeps
 * its partitions: a partition that moved away may have been processed further by its new owner. So every
 * assignment or revocation forgets it all; the next batch of each key reads its mark again. Runs on the
 * consumer's thread between batches, so no batch of the moved partition is in flight.
 */
public final class PartitionMoves implements ConsumerAwareRebalanceListener {

    private final List<Runnable> forgetters;

    public PartitionMoves(List<Runnable> forgetters) {
        this.forgetters = List.copyOf(forgetters);
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forgetAll();
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forgetAll();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forgetAll();
    }

    private void forgetAll() {
        forgetters.forEach(Runnable::run);
    }
}
