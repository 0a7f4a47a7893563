package io.parley.gateway.sync;

import io.parley.gateway.auth.DeviceIdentity;
import io.parley.proto.chat.v1.FetchInboxResponse;
import reactor.core.publisher.Mono;

/** Pages of a user's inbox, oldest first (chat-service's FetchInbox). */
public interface InboxSource {

    Mono<FetchInboxResponse> fetch(DeviceIdentity device, long afterInboxSeq, int limit);
}
