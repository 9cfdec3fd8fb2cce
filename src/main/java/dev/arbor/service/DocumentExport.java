package dev.arbor.service;

import dev.arbor.core.Membership;
import dev.arbor.core.Scope;
import dev.arbor.service.TenancyDocument.MemberEntry;
import dev.arbor.service.TenancyDocument.ScopeNode;
import dev.arbor.store.JsonText;
import dev.arbor.store.StoredSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The realm's tenancy as a {@link TenancyDocument}, ordered so that it is stable across realms. */
final class DocumentExport {

    private final RealmTenancy tenancy;

    DocumentExport(RealmTenancy tenancy) {
        this.tenancy = tenancy;
    }

    /** Scopes ordered by name and key, members by scope key and username. */
    TenancyDocument export(Actor actor) {
        tenancy.requireRealmAdmin(actor);
        return exportIfAny().orElseThrow(() -> TenancyException.notFound(
                "Realm " + tenancy.realm.getName() + " has no tenancy schema"));
    }

    /** The document, read as the system (for a realm file); empty when the realm has no schema. */
    Optional<TenancyDocument> exportIfAny() {
        Optional<StoredSchema> active = tenancy.store.activeSchema();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        StoredSchema stored = active.get();
        List<Scope> scopes = tenancy.store.allScopes();
        Map<String, List<Scope>> children = new HashMap<>();
        scopes.forEach(scope -> children.computeIfAbsent(scope.parentId(), k -> new ArrayList<>()).add(scope));
        List<MemberEntry> members = new ArrayList<>();
        List<Membership> memberships = tenancy.store.allMemberships();
        Map<String, String> usernames = tenancy.usernames(memberships.stream().map(Membership::userId).distinct()
                .toList());
        for (Membership membership : memberships) {
            members.add(new MemberEntry(usernames.getOrDefault(membership.userId(), membership.userId()),
                    tenancy.store.keyOf(membership.scopeId()), membership.roles().stream().sorted().toList(),
                    membership.options().stream().sorted().toList()));
        }
        members.sort(Comparator.comparing(MemberEntry::scope).thenComparing(MemberEntry::user));
        return Optional.of(new TenancyDocument(1, JsonText.read(stored.document()), nodes(null, children), members));
    }

    private List<ScopeNode> nodes(String parentId, Map<String, List<Scope>> children) {
        List<ScopeNode> nodes = new ArrayList<>();
        List<Scope> ordered = new ArrayList<>(children.getOrDefault(parentId, List.of()));
        ordered.sort(Comparator.comparing(Scope::name).thenComparing(scope -> tenancy.store.keyOf(scope.id())));
        for (Scope scope : ordered) {
            List<ScopeNode> below = nodes(scope.id(), children);
            nodes.add(new ScopeNode(tenancy.store.keyOf(scope.id()), scope.type(), scope.name(),
                    scope.attributes().isEmpty() ? null : scope.attributes(), below.isEmpty() ? null : below));
        }
        return nodes;
    }
}
