package io.parley.chat.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads a record's protobuf payload; a record that is not one is poison. */
public final class RecordPayloads {

    private RecordPayloads() {
    }

    public static <T extends MessageLite> T parse(ConsumerRecord<String, byte[]> record, Parser<T> parser, String type) {
        try {
            return parser.parseFrom(record.value() == null ? new byte[0] : record.value());
        } catch (InvalidProtocolBufferException e) {
            throw new PoisonRecordException("not a " + type, e);
        }
    }
}
