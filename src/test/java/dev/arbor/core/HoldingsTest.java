package dev.arbor.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HoldingsTest {

    @Test
    void onlySchemasWithExclusiveRolesOrScopesPerUserHaveRulesOnWhatOneUserHolds() {
        assertThat(Holdings.anyIn(SchemaReader.read(SeedSchemas.document("skytap")))).as("both").isTrue();
        assertThat(Holdings.anyIn(SchemaReader.read(SeedSchemas.document("msp-portal")))).as("exclusiveRoles").isTrue();
        assertThat(Holdings.anyIn(SchemaReader.read(SeedSchemas.document("skyport")))).isFalse();
        assertThat(Holdings.anyIn(SchemaReader.read(SeedSchemas.document("eschat")))).isFalse();
    }

    @Test
    void askingForSeveralUsersAtOnceAnswersWhatAskingOneByOneWould() {
        TreeSlice tree = InMemoryTree.builder()
                .scope("acme", "account", "Acme", null)
                .scope("studio", "workspace", "Studio", "acme")
                .member("alice", "acme", "owner")
                .member("alice", "studio", "admin")
                .member("bob", "studio", "viewer")
                .build();

        var byUser = tree.membershipsOfUsers(java.util.List.of("bob", "alice", "nobody", "bob"));

        assertThat(byUser).containsOnlyKeys("bob", "alice", "nobody");
        assertThat(byUser.get("alice")).isEqualTo(tree.membershipsOf("alice"));
        assertThat(byUser.get("bob")).isEqualTo(tree.membershipsOf("bob"));
        assertThat(byUser.get("nobody")).isEmpty();
    }
}
