package dev.arbor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.DemoRealms;
import dev.arbor.testing.KeycloakServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seed 003, hosting account contacts, on its demo realm, as the customer and the provider's staff live it. The
 * provider (the realm administrator) opens account Globex 2077 for its owner opal; opal authorizes abe as account
 * administrator; abe authorizes bert (billing only), suri (support only), bo (billing and support, one invitation)
 * and nico, a contact whose permissions opal selects one by one: seeing and receiving invoices. Each cell is
 * proven by the claim of a token acting at the account and by {@code POST /check}.
 */
@ArborIT
class HostingContactsStoriesIT {

    private static final DemoRealms REALMS = new DemoRealms();
    private static SeedStories story;
    private static Map<String, String> users;
    private static String account;

    @BeforeAll
    static void globex(KeycloakServer server) {
        story = new SeedStories(server, REALMS, "hosting-contacts");
        users = new java.util.HashMap<>();
        for (String name : List.of("opal", "abe", "bert", "suri", "bo", "nico")) {
            users.put(name, story.signUp(name));
        }
        account = story.rootScope("account", "Globex 2077", null);
        story.admin().put(story.roles(account, users.get("opal"), "owner")).expect(200);
        story.inviteAndAccept(users.get("opal"), account, users.get("abe"), "administrator");
        story.inviteAndAccept(users.get("abe"), account, users.get("bert"), "billing");
        story.inviteAndAccept(users.get("abe"), account, users.get("suri"), "support");
        story.inviteAndAccept(users.get("abe"), account, users.get("bo"), "billing", "support");
        story.inviteAndAccept(users.get("abe"), account, users.get("nico"), "contact");
        story.as(users.get("opal")).put("scopes/" + account + "/members/" + story.id(users.get("nico")) + "/options",
                "{\"options\":[\"billing:invoices:view\",\"billing:invoices:receive\"]}").expect(200);
    }

    @AfterAll
    static void removeRealm(KeycloakServer server) {
        REALMS.close(server);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        7a  Account owner: full authority on the account                 | opal | billing:payment-methods:edit | true
        7c  ... the only contact able to cancel services                 | opal | services:services:cancel     | true
        13c ... orders new services                                      | opal | services:services:order      | true
        9a  Billing only: sees invoices                                  | bert | billing:invoices:view        | true
        9a  ... updates credit card details                              | bert | billing:payment-methods:edit | true
        9a  ... receives monthly invoices                                | bert | billing:invoices:receive     | true
        9a  ... and other billing notices                                | bert | billing:notices:receive      | true
        9b  ... WILL NOT have access to support                          | bert | support:tickets:view         | false
        9b  ... nor open support tickets                                 | bert | support:tickets:create       | false
        7c  ... cannot cancel services                                   | bert | services:services:cancel     | false
        11a Support only: sees support tickets                           | suri | support:tickets:view         | true
        11a ... opens tickets                                            | suri | support:tickets:create       | true
        11a ... receives login details for the services                  | suri | support:service-logins:receive | true
        11b ... WILL NOT receive billing information                     | suri | billing:notices:receive      | false
        11b ... nor access billing information in the portal             | suri | billing:invoices:view        | false
        13a Account administrator: the privileges of a billing contact   | abe  | billing:payment-methods:edit | true
        13a ... and of a support contact                                 | abe  | support:tickets:create       | true
        13b ... and authorizes additional contacts                       | abe  | contacts:contacts:authorize  | true
        13c ... except ordering new services                             | abe  | services:services:order      | false
        13d ... and cancelling existing services                         | abe  | services:services:cancel     | false
        15  Billing AND support: billing functions                       | bo   | billing:invoices:view        | true
        15  ... and support functions                                    | bo   | support:tickets:create       | true
        15  ... not the administrator's additional functions             | bo   | contacts:contacts:authorize  | false
        15  ... nor cancelling                                           | bo   | services:services:cancel     | false
        3   A contact has what the customer selected: invoices           | nico | billing:invoices:view        | true
        3   ... receives them                                            | nico | billing:invoices:receive     | true
        3   ... not the card details, which were not selected            | nico | billing:payment-methods:edit | false
        3   ... no support                                               | nico | support:tickets:view         | false
        """)
    void whatEachContactMayDo(String rule, String user, String permission, boolean allowed) {
        story.assertPermission(rule, users.get(user), account, permission, allowed);
    }

    /** 13b, 15, 7b: who authorizes contacts; a refused invitation is not on record. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        13b the administrator authorizes a billing contact            | abe  | billing       | 201
        13b ... an administrator                                      | abe  | administrator | 201
        13b the owner authorizes a support contact                    | opal | support       | 201
        3   the owner adds a contact to select permissions for        | opal | contact       | 201
        9b  a billing contact authorizes nobody                       | bert | billing       | 403
        11b a support contact authorizes nobody                       | suri | support       | 403
        15  billing and support: not the administrator's functions    | bo   | support       | 403
        3   a contact authorizes nobody                               | nico | contact       | 403
        7b  there is one owner: a second is refused                   | opal | owner         | 409
        7b  the administrator makes nobody owner                      | abe  | owner         | 403
        """)
    void whoAuthorizesContacts(String rule, String actor, String role, int status) {
        String invitee = story.signUp("contact");

        SeedStories.Answer answer = story.invite(users.get(actor), account, invitee, role);

        assertThat(answer.status()).as(rule + ": " + answer.text()).isEqualTo(status);
        if (status != 201) {
            assertThat(story.invitedAddresses(account)).doesNotContain(story.email(invitee));
        }
    }

    /**
     * Line 3 (issue 14, Found): "Customers are able to granularly select permissions for each contact". The owner
     * and the administrator select, change and clear a contact's permissions; a billing contact may not, and no
     * selection reaches ordering or cancelling services. Refusals change nothing.
     */
    @Test
    void theCustomerSelectsEachContactsPermissions() {
        String nina = story.signUp("nina");
        String options = "scopes/" + account + "/members/" + story.id(nina) + "/options";
        story.as(users.get("abe")).put(story.roles(account, nina, "contact")).expect(200);
        story.assertPermission("3 a new contact has nothing until selected", nina, account,
                "billing:invoices:view", false);
        assertThat(SeedStories.texts(story.claimAt(nina, account).path("permissions"))).isEmpty();

        story.as(users.get("opal")).put(options, "{\"options\":[\"billing:invoices:view\",\"support:tickets:view\"]}")
                .expect(200);
        assertThat(SeedStories.texts(story.claimAt(nina, account).path("permissions")))
                .containsExactly("billing:invoices:view", "support:tickets:view");
        assertThat(story.check(nina, account, "support:tickets:view")).isTrue();

        SeedStories.Answer byBilling = story.as(users.get("bert")).put(options,
                "{\"options\":[\"billing:payment-methods:edit\"]}");
        SeedStories.Answer cancel = story.as(users.get("opal")).put(options,
                "{\"options\":[\"services:services:cancel\"]}");
        SeedStories.Answer order = story.as(users.get("abe")).put(options,
                "{\"options\":[\"services:services:order\"]}");
        assertThat(byBilling.status()).as(byBilling.text()).isEqualTo(403);
        assertThat(cancel.status()).as("only the owner cancels: " + cancel.text()).isEqualTo(400);
        assertThat(order.status()).as(order.text()).isIn(400, 403);
        assertThat(SeedStories.texts(story.claimAt(nina, account).path("permissions"))).as("refusals change nothing")
                .containsExactly("billing:invoices:view", "support:tickets:view");

        story.as(users.get("abe")).put(options, "{\"options\":[\"billing:payment-methods:edit\"]}").expect(200);
        story.assertPermission("3 the administrator changes the selection", nina, account,
                "billing:payment-methods:edit", true);
        story.assertPermission("3 ... what was deselected is gone", nina, account, "support:tickets:view", false);
        story.as(users.get("abe")).put(options, "{\"options\":[]}").expect(200);
        assertThat(SeedStories.texts(story.claimAt(nina, account).path("permissions"))).isEmpty();
    }

    /** H1: the provider's staff add a contact on the customer's e-mailed request, as realm administrators. */
    @Test
    void theProvidersStaffAddAContactWithAStandardRole() {
        String dee = story.signUp("dee");

        story.admin().put(story.roles(account, dee, "billing")).expect(200);

        story.assertPermission("5a a billing contact added by the staff", dee, account, "billing:invoices:view",
                true);
    }

    /** 7b: one owner, who alone hands the account over; the administrator cannot take it. */
    @Test
    void theOwnerAloneHandsTheAccountOver() {
        String olive = story.signUp("olive");
        String ada = story.signUp("ada");
        String other = story.rootScope("account", "Initrode 3001", null);
        story.admin().put(story.roles(other, olive, "owner")).expect(200);
        story.as(olive).put(story.roles(other, ada, "administrator")).expect(200);

        story.as(ada).send("PUT", story.roles(other, ada, "owner") + "?transfer=true", null).expect(403);
        story.as(olive).put(story.roles(other, ada, "owner")).expect(409);
        JsonNode change = story.as(olive).send("PUT", story.roles(other, ada, "owner") + "?transfer=true", null)
                .expect(200);

        assertThat(change.toString()).contains("owner");
        story.assertPermission("7c the new owner cancels services", ada, other, "services:services:cancel", true);
        assertThat(story.members(other)).doesNotContainKey(story.id(olive));
    }
}
