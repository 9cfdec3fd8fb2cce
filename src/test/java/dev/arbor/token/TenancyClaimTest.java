package dev.arbor.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.core.Access;
import dev.arbor.core.Scope;
import dev.arbor.service.Views.ActiveAccess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The claim's shape: fixed key order, the path root first, acting roles among the roles. */
class TenancyClaimTest {

    @Test
    void hasAFixedShape() {
        Scope account = new Scope("a", "account", "Acme", List.of(), Map.of());
        Scope workspace = new Scope("w", "workspace", "Studio", List.of("a"), Map.of());
        Access access = new Access("w", List.of("admin"), List.of("owner"), List.of("x:y:view", "x:y:edit"),
                List.of(), List.of());

        Map<String, Object> claim = TenancyClaim.of(new ActiveAccess(access, List.of(account, workspace), "skyport", 3));

        assertThat(claim.keySet()).containsExactly("scope", "path", "roles", "permissions", "options", "schema");
        assertThat(claim.get("scope")).isEqualTo(Map.of("id", "w", "type", "workspace", "name", "Studio"));
        assertThat(claim.get("path")).isEqualTo(List.of(Map.of("id", "a", "type", "account", "name", "Acme"),
                Map.of("id", "w", "type", "workspace", "name", "Studio")));
        assertThat(claim.get("roles")).isEqualTo(List.of("admin", "owner"));
        assertThat(claim.get("schema")).isEqualTo(Map.of("id", "skyport", "version", 3));
    }

    @Test
    void listsTheScopesToSwitchToUpToALimit() {
        Scope account = new Scope("a", "account", "Acme", List.of(), Map.of());
        Scope studio = new Scope("w1", "workspace", "Studio", List.of("a"), Map.of());
        Scope lab = new Scope("w2", "workspace", "Lab", List.of("a"), Map.of());
        Map<String, Object> claim = new java.util.LinkedHashMap<>();

        TenancyClaim.addSwitchable(claim, List.of(List.of(account, studio), List.of(account, lab)), 5);

        assertThat(claim.get("switchable")).isEqualTo(List.of(
                Map.of("id", "w1", "type", "workspace", "name", "Studio", "path", List.of("Acme", "Studio")),
                Map.of("id", "w2", "type", "workspace", "name", "Lab", "path", List.of("Acme", "Lab"))));
        assertThat(claim).doesNotContainKey("switchableTruncated");

        TenancyClaim.addSwitchable(claim, List.of(List.of(account, studio), List.of(account, lab)), 1);

        assertThat((List<?>) claim.get("switchable")).hasSize(1);
        assertThat(claim.get("switchableTruncated")).isEqualTo(true);
    }
}
