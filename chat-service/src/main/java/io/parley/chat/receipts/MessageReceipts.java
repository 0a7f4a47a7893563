package io.parley.chat.receipts;

import java.util.List;

/**
 * Who received and who read one group message, and when (REST, snake_case on the wire). {@code members}: M, the
 * members at its seq other than its sender; {@code delivered}: those with a device that received it (readers
 * included); {@code read}: those who read it and let others see it (a member whose read receipts are off is listed as
 * a recipient only). {@code at}: when their watermark first reached the seq, in epoch millis (null if not recorded).
 */
public record MessageReceipts(String chat, long seq, String messageId, String from, int members, int deliveredCount,
        int readCount, List<Member> delivered, List<Member> read) {

    public record Member(String user, Long at) {
    }
}
