package dev.arbor.service;

import java.util.List;
import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * How many open invitations a realm holds per sender and per address, so that nobody sprays invitations at any
 * address: the defaults are far above what an owner sends while onboarding a tenant, and far below a flood.
 */
public record InvitationLimits(int perSender, int perAddress) {

    static final String PER_SENDER = "maxPendingInvitationsPerSender";
    static final String PER_ADDRESS = "maxPendingInvitationsPerAddress";
    static final InvitationLimits DEFAULTS = new InvitationLimits(200, 10);

    public InvitationLimits {
        if (perSender < 1 || perAddress < 1) {
            throw new IllegalArgumentException("invitation limits must be at least 1");
        }
    }

    static InvitationLimits read(Config.Scope config) {
        return new InvitationLimits(config.getInt(PER_SENDER, DEFAULTS.perSender),
                config.getInt(PER_ADDRESS, DEFAULTS.perAddress));
    }

    /** The options, shown in the server info by the REST API's provider, whose options they are. */
    public static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(PER_SENDER).type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULTS.perSender)
                .helpText("Open invitations one user may have sent in a realm; one more is refused (409).").add()
                .property().name(PER_ADDRESS).type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULTS.perAddress)
                .helpText("Open invitations to one e-mail address in a realm, from all senders together; one more"
                        + " is refused (409).").add()
                .build();
    }

    /**
     * Why one more open invitation may not be sent, if so.
     *
     * @param fromSender open invitations the sender has now
     * @param toAddress open invitations to the address now
     * @param merged whether the invitation replaces an open one to the same address and scope (which then counts
     *     for the address already)
     * @param mergedFromSender whether that open one was the sender's own (which then counts for the sender already)
     */
    Optional<String> refusal(long fromSender, long toAddress, boolean merged, boolean mergedFromSender) {
        if (!mergedFromSender && fromSender >= perSender) {
            return Optional.of("You have " + fromSender + " open invitations, as many as a sender may; withdraw some"
                    + " or wait until they are accepted, declined or expired");
        }
        if (!merged && toAddress >= perAddress) {
            // the count of others' invitations stays unsaid
            return Optional.of("This address has as many open invitations as it may hold; try again once some are"
                    + " decided or expired");
        }
        return Optional.empty();
    }
}
