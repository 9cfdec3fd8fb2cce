package dev.arbor.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-sender and per-address limits on open invitations, with merging into an open one. */
class InvitationLimitsTest {

    private static final InvitationLimits LIMITS = new InvitationLimits(3, 2);

    @ParameterizedTest(name = "sender has {0}, address has {1}, merged {2}, own {3} -> refused {4}")
    @CsvSource({
        "0, 0, false, false, false",
        "2, 1, false, false, false",
        "3, 0, false, false, true",   // the sender's limit
        "0, 2, false, false, true",   // the address's limit, all senders together
        "0, 2, true,  false, false",  // replacing another sender's open invitation adds none to the address
        "3, 2, true,  true,  false",  // replacing one's own adds nothing at all
        "3, 2, true,  false, true",   // but taking over another's still counts for the sender
    })
    void refusesOneMoreOpenInvitationBeyondALimit(long fromSender, long toAddress, boolean merged,
            boolean own, boolean refused) {
        assertThat(LIMITS.refusal(fromSender, toAddress, merged, own).isPresent()).isEqualTo(refused);
    }
}
