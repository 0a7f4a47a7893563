package io.parley.chat.membership;

import io.grpc.BindableService;
import io.parley.chat.groups.GroupChatStore;
import io.parley.chat.ids.MessageIds;
import io.parley.chat.kafka.KafkaSender;
import io.parley.chat.send.MessageSubmitter;
import io.parley.chat.send.SendSettings;
import io.parley.chat.topics.ChatTopics;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatMembershipConfiguration {

    /** Served beside ChatService on spring.grpc.server.port. */
    @Bean
    BindableService chatMembershipGrpcService(MessageIds ids, KafkaSender kafka, ChatTopics topics, SendSettings settings,
            GroupChatStore groups, Clock clock) {
        MessageSubmitter submitter = new MessageSubmitter(kafka, topics.messages().name(), settings.kafkaTimeout());
        return new ChatMembershipGrpcService(new GroupCommands(ids, submitter, groups, clock), groups);
    }
}
