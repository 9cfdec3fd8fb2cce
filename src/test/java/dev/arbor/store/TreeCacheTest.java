package dev.arbor.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.core.Membership;
import dev.arbor.store.jpa.ArborMembershipEntity;
import dev.arbor.store.jpa.ArborRoleAssignmentEntity;
import dev.arbor.store.jpa.ArborScopeEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The node's cache keeps what exists and never an answer that something does not: those keys are whatever a
 * caller sends, so a thousand made-up ids must not grow it.
 */
class TreeCacheTest {

    private final String realm = "realm-" + UUID.randomUUID();

    @AfterEach
    void dropCache() {
        TreeCache.invalidate(realm);
    }

    @Test
    void madeUpIdsAndKeysLeaveNoEntries() {
        CachingTreeSlice slice = cached(database(Map.of(), List.of(), List.of()));

        for (int i = 0; i < 1000; i++) {
            assertThat(slice.scope("made-up-" + i)).isEmpty();
            assertThat(slice.scopeByKey("made-up-key-" + i)).isEmpty();
            assertThat(slice.membership("invitee:" + i + "@example.test", "made-up-" + i)).isEmpty();
            assertThat(slice.membershipsOf("user-" + i)).isEmpty();
            assertThat(slice.holders("made-up-" + i, "emperor")).isEmpty();
        }

        TreeCache.Entries entries = TreeCache.of(realm);
        assertThat(entries.scopes).isEmpty();
        assertThat(entries.scopeIdsByKey).isEmpty();
        assertThat(entries.memberships).isEmpty();
        assertThat(entries.userMemberships).isEmpty();
        assertThat(entries.holders).isEmpty();
    }

    @Test
    void whatExistsIsStillCachedAndAUsersListAnswersNonMembershipToo() {
        ArborScopeEntity root = new ArborScopeEntity();
        root.id = "root";
        root.realmId = realm;
        root.type = "account";
        root.name = "Root";
        root.ancestry = "";
        root.attributes = "{}";
        ArborMembershipEntity member = new ArborMembershipEntity();
        member.id = "m1";
        member.realmId = realm;
        member.scopeId = "root";
        member.userId = "alice";
        ArborRoleAssignmentEntity owner = new ArborRoleAssignmentEntity();
        owner.id = "r1";
        owner.membershipId = "m1";
        owner.scopeId = "root";
        owner.roleName = "owner";
        CachingTreeSlice first = cached(database(Map.of("root", root), List.of(member), List.of(owner)));

        assertThat(first.scope("root")).isPresent();
        assertThat(first.membershipsOf("alice")).hasSize(1);

        TreeCache.Entries entries = TreeCache.of(realm);
        assertThat(entries.scopes).containsKey("root");
        assertThat(entries.userMemberships).containsKey("alice");
        CachingTreeSlice next = cached(database(Map.of(), List.of(), List.of()));
        assertThat(next.scope("root")).isPresent();
        assertThat(next.membership("alice", "root")).map(Membership::scopeId).contains("root");
        assertThat(next.membership("alice", "elsewhere")).isEmpty();
        assertThat(entries.memberships).isEmpty();
    }

    /** The caching slice over the JPA one, as a request that changed nothing reads the tree. */
    private CachingTreeSlice cached(EntityManager database) {
        return new CachingTreeSlice(new JpaTreeSlice(database, realm), realm, () -> true);
    }

    /** An entity manager over fixed rows: scopes by id, memberships and roles for every query of theirs. */
    private static EntityManager database(Map<String, ArborScopeEntity> scopes,
            List<ArborMembershipEntity> memberships, List<ArborRoleAssignmentEntity> roles) {
        return (EntityManager) Proxy.newProxyInstance(TreeCacheTest.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "find" -> scopes.get((String) args[1]);
                    case "createNamedQuery", "createQuery" -> query(((String) args[0]).startsWith("arborMembership")
                            ? memberships : ((String) args[0]).startsWith("arborRole") ? roles : List.of());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static TypedQuery<Object> query(List<?> rows) {
        return (TypedQuery<Object>) Proxy.newProxyInstance(TreeCacheTest.class.getClassLoader(),
                new Class<?>[] {TypedQuery.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getResultList" -> List.copyOf(rows);
                    case "getResultStream" -> rows.stream();
                    default -> method.getReturnType().isInstance(proxy) ? proxy
                            : Optional.empty();
                });
    }
}
