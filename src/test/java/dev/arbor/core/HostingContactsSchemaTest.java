package dev.arbor.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.core.Decision.Reason;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seed 003, hosting account contacts, against {@code realm-export/schemas/hosting-contacts.yaml}. The account
 * {@code acct} has owner olivia, administrator adam, billing-only bill, support-only sue, billing-and-support
 * bea, and nick, a contact whose selected permissions are seeing and receiving invoices.
 */
class HostingContactsSchemaTest {

    private static final Policy POLICY = SeedSchemas.policy("hosting-contacts");

    private static final TreeSlice TREE = InMemoryTree.builder()
            .scope("acct", "account", "Customer 1042", null)
            .member("olivia", "acct", "owner")
            .member("adam", "acct", "administrator")
            .member("bill", "acct", "billing")
            .member("sue", "acct", "support")
            .member("bea", "acct", "billing", "support")
            .member("nick", "acct", Set.of("contact"), Set.of("billing:invoices:view", "billing:invoices:receive"))
            .build();

    @ParameterizedTest(name = "{0}: {1} {3}")
    @CsvSource(delimiter = '|', textBlock = """
        1 Account owner: full authority on the account                       | olivia | billing:payment-methods:edit  | true
        1 Account owner: the only contact able to cancel services            | olivia | services:services:cancel      | true
        1 Account owner: orders new services                                 | olivia | services:services:order       | true
        2 Billing only: sees invoices                                        | bill   | billing:invoices:view         | true
        2 Billing only: updates credit card details                          | bill   | billing:payment-methods:edit  | true
        2 Billing only: receives monthly invoices                            | bill   | billing:invoices:receive      | true
        2 Billing only: receives other billing notices                       | bill   | billing:notices:receive       | true
        2 Billing only: will not have access to support                      | bill   | support:tickets:view          | false
        2 Billing only: will not open support tickets                        | bill   | support:tickets:create        | false
        2 Billing only: cannot cancel services                               | bill   | services:services:cancel      | false
        3 Support only: sees support tickets                                 | sue    | support:tickets:view          | true
        3 Support only: opens tickets                                        | sue    | support:tickets:create        | true
        3 Support only: receives login details for the services              | sue    | support:service-logins:receive| true
        3 Support only: will not receive billing information                 | sue    | billing:invoices:receive      | false
        3 Support only: no access to billing information in the portal      | sue    | billing:invoices:view         | false
        4 Account administrator: all the privileges of a billing contact     | adam   | billing:payment-methods:edit  | true
        4 Account administrator: ... and of a support contact                | adam   | support:tickets:create        | true
        4 Account administrator: authorizes additional contacts              | adam   | contacts:contacts:authorize   | true
        4 Account administrator: except ordering new services                | adam   | services:services:order       | false
        4 Account administrator: except cancelling existing services         | adam   | services:services:cancel      | false
        Billing and support: billing functions                               | bea    | billing:invoices:view         | true
        Billing and support: support functions                               | bea    | support:tickets:create        | true
        Billing and support: not the additional functions of an administrator| bea    | contacts:contacts:authorize   | false
        Billing and support: cannot cancel services                          | bea    | services:services:cancel      | false
        """)
    void permissions(String rule, String user, String permission, boolean allowed) {
        Decision decision = POLICY.check(Principal.user(user), "acct", permission, TREE);

        assertThat(decision.allowed()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}: {1} grants {3} to {2}")
    @CsvSource(delimiter = '|', textBlock = """
        4 Account administrator: authorizes a new billing contact             | adam   | zoe  | billing       | ALLOWED
        4 Account administrator: authorizes a new administrator               | adam   | zoe  | administrator | ALLOWED
        4 Account administrator: cannot make anyone owner                     | adam   | zoe  | owner         | NOT_DELEGATED
        1 Account owner: authorizes contacts                                  | olivia | zoe  | support       | ALLOWED
        1 Account owner: there is only one; handing over needs a transfer     | olivia | adam | owner         | TOO_MANY_HOLDERS
        2 Billing only: cannot authorize contacts                             | bill   | zoe  | billing       | NOT_DELEGATED
        Billing and support: cannot authorize contacts either                 | bea    | zoe  | support       | NOT_DELEGATED
        """)
    void grants(String rule, String actor, String target, String role, Reason expected) {
        Decision decision = POLICY.mayGrant(Principal.user(actor), target, "acct", role, false, TREE);

        assertThat(decision.reason()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(expected);
    }

    /** Line 3: "Customers are able to granularly select permissions for each contact": a contact has what was selected. */
    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
        Selected permissions: nick sees invoices                            | billing:invoices:view        | true
        Selected permissions: nick receives monthly invoices                | billing:invoices:receive     | true
        Selected permissions: not the card details, which were not selected | billing:payment-methods:edit | false
        Selected permissions: no support unless selected                    | support:tickets:create       | false
        Selected permissions: no selection cancels services                 | services:services:cancel     | false
        """)
    void aContactHasThePermissionsSelectedForThem(String rule, String permission, boolean allowed) {
        Decision decision = POLICY.check(Principal.user("nick"), "acct", permission, TREE);

        assertThat(decision.allowed()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}: {1} selects {2}")
    @CsvSource(delimiter = '|', textBlock = """
        The owner selects a contact's permissions                    | olivia | billing:invoices:view support:tickets:view | ALLOWED
        An account administrator selects them too                    | adam   | billing:invoices:view                      | ALLOWED
        ... and takes them away                                      | adam   | ''                                         | ALLOWED
        A billing contact selects nobody's permissions               | bill   | billing:invoices:view                      | NOT_DELEGATED
        Ordering services is the owner's: no contact may be given it | olivia | services:services:order                    | OPTION_NOT_ALLOWED
        """)
    void theOwnerAndAdministratorsSelectAContactsPermissions(String rule, String actor, String options,
            Reason expected) {
        Set<String> selected = options.isBlank() ? Set.of()
                : Arrays.stream(options.split(" ")).collect(Collectors.toSet());
        Decision decision = POLICY.maySetOptions(Principal.user(actor), "nick", "acct", selected, TREE);

        assertThat(decision.reason()).as(rule + "\n" + String.join("\n", decision.explanation())).isEqualTo(expected);
    }
}
