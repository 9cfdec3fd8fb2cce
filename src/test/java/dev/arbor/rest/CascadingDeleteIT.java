package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborApi.Answer;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.OidcClient;
import dev.arbor.testing.TestRealm;
import dev.arbor.testing.TestRealms;
import dev.arbor.testing.TestUser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE scopes/{id}?cascade=true} deletes everything below, so it needs the delete permission at every
 * scope it removes: a squad whose captain seals deletion off from the org owner keeps its whole team in place.
 */
@ArborIT
class CascadingDeleteIT {

    private static final String SCHEMA = dev.arbor.core.SeedSchemas.resource("deletion-schema.yaml");

    @Test
    void aDescendantTheCallerMayNotDeleteRefusesTheWholeDelete(TestRealms realms) {
        TestRealm realm = realms.create();
        OidcClient app = realm.createPublicClient("app");
        realm.addTenancyClaim("app");
        TestUser olga = realm.createUser("olga");
        TestUser cleo = realm.createUser("cleo");
        ArborApi root = realm.api(app, realm.createRealmAdmin("root"));
        root.put("schema", SCHEMA, "application/yaml").expect(200);
        String org = root.post("scopes", "{\"type\":\"org\",\"name\":\"Org\"}").createdId();
        String team = root.post("scopes", child("team", "Team", org)).createdId();
        String sealed = root.post("scopes", child("squad", "Sealed", team)).createdId();
        String open = root.post("scopes", child("squad", "Open", team)).createdId();
        String otherTeam = root.post("scopes", child("team", "Other team", org)).createdId();
        String otherSquad = root.post("scopes", child("squad", "Open too", otherTeam)).createdId();
        root.put("scopes/" + org + "/members/" + olga.id() + "/roles/owner").expect(200);
        root.put("scopes/" + sealed + "/members/" + cleo.id() + "/roles/captain").expect(200);
        ArborApi owner = realm.api(app, olga);

        Answer refused = owner.delete("scopes/" + team + "?cascade=true");

        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.text()).contains(sealed);
        for (String scope : List.of(team, sealed, open)) {
            root.get("scopes/" + scope).expect(200);
        }
        assertThat(root.get("scopes/" + sealed + "/members").expect(200).toString()).contains(cleo.id());
        owner.delete("scopes/" + otherTeam + "?cascade=true").expect(204);
        assertThat(root.get("scopes/" + otherSquad).status()).isEqualTo(404);
        root.delete("scopes/" + team + "?cascade=true").expect(204);
        assertThat(root.get("scopes/" + sealed).status()).isEqualTo(404);
    }

    private static String child(String type, String name, String parentId) {
        return "{\"type\":\"" + type + "\",\"name\":\"" + name + "\",\"parentId\":\"" + parentId + "\"}";
    }
}
