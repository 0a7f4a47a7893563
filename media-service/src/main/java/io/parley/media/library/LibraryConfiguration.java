package io.parley.media.library;

import com.datastax.oss.driver.api.core.CqlSession;
import io.parley.cassandra.async.AsyncCql;
import io.parley.cassandra.async.ReactiveCql;
import io.parley.media.chats.ChatMembershipClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LibraryConfiguration {

    @Bean
    ReactiveCql cql(CqlSession session) {
        return new ReactiveCql(new AsyncCql(session));
    }

    @Bean
    MediaStore mediaStore(ReactiveCql cql) {
        return new MediaStore(cql);
    }

    @Bean
    MediaAccess mediaAccess(MediaStore store, ChatMembershipClient chats) {
        return new MediaAccess(store, chats);
    }

    @Bean
    Sharing sharing(MediaAccess access, MediaStore store) {
        return new Sharing(access, store);
    }
}
