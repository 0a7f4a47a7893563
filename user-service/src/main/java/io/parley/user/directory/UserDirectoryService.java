package io.parley.user.directory;

import io.grpc.stub.StreamObserver;
import io.parley.grpc.calls.UnaryReplies;
import io.parley.proto.user.v1.CheckBlockedRequest;
import io.parley.proto.user.v1.CheckBlockedResponse;
import io.parley.proto.user.v1.ConnectTicketRedeemed;
import io.parley.proto.user.v1.ConnectTicketRejected;
import io.parley.proto.user.v1.GetDeviceRequest;
import io.parley.proto.user.v1.GetDeviceResponse;
import io.parley.proto.user.v1.GetPrivacyRequest;
import io.parley.proto.user.v1.GetPrivacyResponse;
import io.parley.proto.user.v1.GetUserRequest;
import io.parley.proto.user.v1.GetUserResponse;
import io.parley.proto.user.v1.IsContactRequest;
import io.parley.proto.user.v1.IsContactResponse;
import io.parley.proto.user.v1.ListDevicesRequest;
import io.parley.proto.user.v1.ListDevicesResponse;
import io.parley.proto.user.v1.RedeemConnectTicketRequest;
import io.parley.proto.user.v1.RedeemConnectTicketResponse;
import io.parley.proto.user.v1.UserDirectoryGrpc;
import io.parley.user.account.AccountStore;
import io.parley.user.block.Blocks;
import io.parley.user.contact.Contacts;
import io.parley.user.device.Devices;
import io.parley.user.privacy.Privacy;
import io.parley.user.profile.Profiles;
import io.parley.user.ticket.ConnectTickets;
import io.parley.user.ticket.Redemption;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The gRPC UserDirectory other services call; the contract, errors included, is in user_directory.proto. */
@Service
class UserDirectoryService extends UserDirectoryGrpc.UserDirectoryImplBase {

    private final Profiles profiles;
    private final AccountStore accounts;
    private final Blocks blocks;
    private final Contacts contacts;
    private final Privacy privacy;
    private final Devices devices;
    private final ConnectTickets tickets;

    UserDirectoryService(Profiles profiles, AccountStore accounts, Blocks blocks, Contacts contacts, Privacy privacy,
            Devices devices, ConnectTickets tickets) {
        this.profiles = profiles;
        this.accounts = accounts;
        this.blocks = blocks;
        this.contacts = contacts;
        this.privacy = privacy;
        this.devices = devices;
        this.tickets = tickets;
    }

    @Override
    public void getUser(GetUserRequest request, StreamObserver<GetUserResponse> observer) {
        UnaryReplies.reply(Mono.defer(() -> profiles.find(Ids.parse(request.getUserId(), "user_id"))
                .switchIfEmpty(Mono.error(() -> DirectoryErrors.userNotFound(request.getUserId())))
                .map(profile -> GetUserResponse.newBuilder().setUser(ProtoMapping.profile(profile)).build())), observer, DirectoryErrors::from);
    }

    @Override
    public void checkBlocked(CheckBlockedRequest request, StreamObserver<CheckBlockedResponse> observer) {
        UnaryReplies.reply(Mono.defer(() -> {
            UUID userId = Ids.parse(request.getUserId(), "user_id");
            UUID targetUserId = Ids.parse(request.getTargetUserId(), "target_user_id");
            return Mono.zip(blocks.check(userId, targetUserId), accounts.exists(targetUserId))
                    .map(both -> CheckBlockedResponse.newBuilder()
                            .setBlockedByTarget(both.getT1().blockedByTarget())
                            .setBlocksTarget(both.getT1().blocksTarget())
                            .setTargetUnknown(!both.getT2())
                            .build());
        }), observer, DirectoryErrors::from);
    }

    @Override
    public void isContact(IsContactRequest request, StreamObserver<IsContactResponse> observer) {
        UnaryReplies.reply(Mono.defer(() -> contacts.isContact(Ids.parse(request.getUserId(), "user_id"),
                        Ids.parse(request.getContactUserId(), "contact_user_id"))
                .map(contact -> IsContactResponse.newBuilder().setIsContact(contact).build())), observer, DirectoryErrors::from);
    }

    @Override
    public void getPrivacy(GetPrivacyRequest request, StreamObserver<GetPrivacyResponse> observer) {
        UnaryReplies.reply(Mono.defer(() -> {
            UUID userId = Ids.parse(request.getUserId(), "user_id");
            return accounts.exists(userId)
                    .flatMap(exists -> exists ? privacy.get(userId) : Mono.error(DirectoryErrors.userNotFound(request.getUserId())))
                    .map(ProtoMapping::privacy);
        }), observer, DirectoryErrors::from);
    }

    @Override
    public void listDevices(ListDevicesRequest request, StreamObserver<ListDevicesResponse> observer) {
        UnaryReplies.reply(Mono.defer(() -> devices.list(Ids.parse(request.getUserId(), "user_id"))
                .map(ProtoMapping::device)
                .collectList()
                .map(list -> ListDevicesResponse.newBuilder().addAllDevices(list).build())), observer, DirectoryErrors::from);
    }

    @Override
    public void getDevice(GetDeviceRequest request, StreamObserver<GetDeviceResponse> observer) {
        UnaryReplies.reply(Mono.defer(() -> devices.find(Ids.parse(request.getUserId(), "user_id"),
                        Ids.parse(request.getDeviceId(), "device_id"))
                .switchIfEmpty(Mono.error(() -> DirectoryErrors.deviceNotFound(request.getDeviceId())))
                .map(device -> GetDeviceResponse.newBuilder().setDevice(ProtoMapping.device(device)).build())), observer, DirectoryErrors::from);
    }

    @Override
    public void redeemConnectTicket(RedeemConnectTicketRequest request, StreamObserver<RedeemConnectTicketResponse> observer) {
        UnaryReplies.reply(tickets.redeem(request.getTicket()).map(UserDirectoryService::redemption), observer, DirectoryErrors::from);
    }

    private static RedeemConnectTicketResponse redemption(Redemption redemption) {
        RedeemConnectTicketResponse.Builder response = RedeemConnectTicketResponse.newBuilder();
        if (redemption instanceof Redemption.Redeemed redeemed) {
            return response.setRedeemed(ConnectTicketRedeemed.newBuilder()
                    .setUserId(redeemed.userId().toString())
                    .setDeviceId(redeemed.deviceId().toString())).build();
        }
        ConnectTicketRejected.Reason reason = redemption instanceof Redemption.DeviceRevoked
                ? ConnectTicketRejected.Reason.REASON_DEVICE_REVOKED
                : ConnectTicketRejected.Reason.REASON_UNKNOWN_TICKET;
        return response.setRejected(ConnectTicketRejected.newBuilder().setReason(reason)).build();
    }
}
