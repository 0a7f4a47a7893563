package io.parley.chat.grpc;

import io.grpc.BindableService;
import io.micrometer.observation.ObservationRegistry;
import io.parley.chat.inbox.InboxReader;
import io.parley.chat.receipts.Receipts;
import io.parley.chat.send.SendService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatGrpcConfiguration {

    /** Spring gRPC serves every BindableService bean on spring.grpc.server.port (= parley.ports.grpc). */
    @Bean
    BindableService chatGrpcService(SendService sends, Receipts receipts, InboxReader inbox, ObservationRegistry observations) {
        return new ChatGrpcService(sends, receipts, inbox, observations);
    }
}
