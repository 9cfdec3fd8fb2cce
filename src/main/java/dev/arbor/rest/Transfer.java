package dev.arbor.rest;

import dev.arbor.core.Membership;
import dev.arbor.core.Scope;
import dev.arbor.core.SchemaCompatibility;
import dev.arbor.core.TenancySchema;
import dev.arbor.store.ConflictException;
import dev.arbor.store.StoredSchema;
import dev.arbor.store.TenancyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.events.admin.OperationType;

/**
 * What {@code /tenancy/export} and {@code /tenancy/import} do: a realm's schema, tree and memberships as one
 * document (users by username, scopes by key), for realm administrators. Import checks the whole document before changing
 * anything, only adds and updates (it never deletes), and importing the same document twice changes nothing.
 */
final class Transfer {

    /** The document. {@code schema} is optional on import: without it the schema in force is used. */
    record TenancyDocument(Integer arbor, Object schema, List<ScopeNode> scopes, List<MemberEntry> members) {
    }

    record ScopeNode(String key, String type, String name, Map<String, Object> attributes,
            List<ScopeNode> children) {
    }

    record MemberEntry(String user, String scope, List<String> roles, List<String> options) {
    }

    record ImportResult(int schemaRevision, int scopesCreated, int scopesUpdated, int rolesGranted, int optionsSet,
            boolean unchanged) {
    }

    private final TenancyRequest request;

    Transfer(TenancyRequest request) {
        this.request = request;
    }

    /** The document, ordered by scope name and key, and members by scope key and username: stable across realms. */
    TenancyDocument export() {
        request.requireRealmAdmin();
        StoredSchema stored = request.store.activeSchema()
                .orElseThrow(() -> ApiException.notFound("Realm " + request.realm.getName() + " has no tenancy schema"));
        List<Scope> scopes = request.store.allScopes();
        Map<String, List<Scope>> children = new HashMap<>();
        scopes.forEach(scope -> children.computeIfAbsent(scope.parentId(), k -> new ArrayList<>()).add(scope));
        List<MemberEntry> members = new ArrayList<>();
        List<Membership> memberships = request.store.allMemberships();
        Map<String, String> usernames = request.usernames(memberships.stream().map(Membership::userId).distinct()
                .toList());
        for (Membership membership : memberships) {
            members.add(new MemberEntry(usernames.getOrDefault(membership.userId(), membership.userId()),
                    request.store.keyOf(membership.scopeId()), membership.roles().stream().sorted().toList(),
                    membership.options().stream().sorted().toList()));
        }
        members.sort(java.util.Comparator.comparing(MemberEntry::scope).thenComparing(MemberEntry::user));
        return new TenancyDocument(1, Bodies.document(stored.document(), false), nodes(null, children), members);
    }

    ImportResult importDocument(String body, String contentType) {
        request.requireRealmAdmin();
        TenancyDocument document = Bodies.convert(Bodies.document(body, SchemaResource.isYaml(contentType)),
                TenancyDocument.class);
        if (document.arbor() == null || document.arbor() != 1) {
            throw ApiException.badRequest("arbor", "arbor must be 1");
        }
        Optional<StoredSchema> active = request.store.activeSchema();
        TenancySchema schema;
        String schemaJson = null;
        if (document.schema() != null) {
            schema = SchemaResource.read(document.schema());
            schemaJson = Bodies.json(document.schema());
        } else {
            schema = request.policy().schema();
        }
        boolean newSchema = schemaJson != null && !(active.isPresent() && active.get().document().equals(schemaJson));

        List<ScopeNode> roots = document.scopes() == null ? List.of() : document.scopes();
        List<MemberEntry> members = document.members() == null ? List.of() : document.members();
        Plan plan = new Plan(schema, roots, members);
        for (int i = 0; i < roots.size(); i++) {
            plan.scope(roots.get(i), null, "scopes[" + i + "]");
        }
        for (int i = 0; i < members.size(); i++) {
            plan.member(members.get(i), "members[" + i + "]");
        }
        plan.checkHolders();
        if (newSchema) {
            List<String> conflicts = SchemaCompatibility.problems(schema, request.store.allScopes(),
                    request.store.allMemberships());
            if (!conflicts.isEmpty()) {
                throw ApiException.conflict("The realm's existing data does not fit the document's schema", conflicts);
            }
        }
        ImportResult result;
        try {
            result = plan.apply(newSchema ? schemaJson : null, active);
        } catch (ConflictException e) {
            throw ApiException.conflict(e.getMessage(), List.of());
        }
        if (!result.unchanged()) {
            request.audit(OperationType.ACTION, result, "tenancy", "import");
        }
        return result;
    }

    private List<ScopeNode> nodes(String parentId, Map<String, List<Scope>> children) {
        List<ScopeNode> nodes = new ArrayList<>();
        List<Scope> ordered = new ArrayList<>(children.getOrDefault(parentId, List.of()));
        ordered.sort(java.util.Comparator.comparing(Scope::name).thenComparing(scope -> request.store.keyOf(scope.id())));
        for (Scope scope : ordered) {
            List<ScopeNode> below = nodes(scope.id(), children);
            nodes.add(new ScopeNode(request.store.keyOf(scope.id()), scope.type(), scope.name(),
                    scope.attributes().isEmpty() ? null : scope.attributes(), below.isEmpty() ? null : below));
        }
        return nodes;
    }

    /** Everything a document would do, checked whole before any of it is done. */
    private final class Plan {

        private record NewScope(String key, String type, String name, Map<String, Object> attributes,
                String parentKey) {
        }

        private record Grant(String userId, String scopeKey, String type, String role) {
        }

        private record Options(String userId, String scopeKey, Set<String> options) {
        }

        private final TenancySchema schema;
        private final Map<String, String> typeByKey = new HashMap<>();
        private final List<NewScope> creates = new ArrayList<>();
        private final Map<String, NewScope> updates = new LinkedHashMap<>();
        private final List<Grant> grants = new ArrayList<>();
        private final List<Options> options = new ArrayList<>();
        /** Users and existing scopes as found once, so that an import makes one lookup per name, not per entry. */
        private final Map<String, String> userIdByName = new HashMap<>();
        private final Map<String, String> idByKey = new HashMap<>();
        private final Map<String, Scope> existing = new HashMap<>();

        /** Looks up every scope key and username the document names at once: an import names thousands. */
        Plan(TenancySchema schema, List<ScopeNode> roots, List<MemberEntry> members) {
            this.schema = schema;
            List<String> keys = new ArrayList<>();
            collectKeys(roots, keys);
            members.forEach(entry -> keys.add(entry.scope()));
            keys.removeIf(java.util.Objects::isNull);
            existing.putAll(request.store.scopesByKeys(keys));
            userIdByName.putAll(request.userIds(members.stream().map(MemberEntry::user)
                    .filter(java.util.Objects::nonNull).distinct().toList()));
        }

        private static void collectKeys(List<ScopeNode> nodes, List<String> keys) {
            for (ScopeNode node : nodes) {
                keys.add(node.key());
                if (node.children() != null) {
                    collectKeys(node.children(), keys);
                }
            }
        }

        void scope(ScopeNode node, String parentKey, String path) {
            if (node.key() == null || node.key().isBlank() || node.key().length() > 255) {
                throw ApiException.badRequest(path + ".key", "key is required (at most 255 characters)");
            }
            String ref = canonical(node.key());
            if (typeByKey.containsKey(ref)) {
                throw ApiException.badRequest(path + ".key", "key '" + node.key() + "' is used twice");
            }
            if (node.type() == null || !schema.scopeTypes().contains(node.type())) {
                throw ApiException.badRequest(path + ".type", "type must be one of " + schema.scopeTypes());
            }
            String parentType = parentKey == null ? null : typeByKey.get(parentKey);
            if (!schema.mayNest(parentType, node.type())) {
                throw ApiException.badRequest(path + ".type", "A " + node.type() + " may not be "
                        + (parentType == null ? "at the top of the tree" : "under a " + parentType));
            }
            String name = ScopesResource.requireName(node.name(), path + ".name");
            Map<String, Object> attributes = Attributes.checked(schema, node.type(), node.attributes(),
                    path + ".attributes");
            typeByKey.put(ref, node.type());
            Scope scope = existing.get(node.key());
            if (scope != null) {
                idByKey.put(ref, scope.id());
                if (!scope.type().equals(node.type()) || !java.util.Objects.equals(scope.parentId(), parentKey)) {
                    String existingParentKey = scope.parentId() == null ? null
                            : request.store.keyOf(scope.parentId());
                    throw ApiException.conflict("Scope '" + node.key() + "' exists as a " + scope.type() + " under "
                            + existingParentKey + "; an import does not move or retype scopes", List.of(path));
                }
                if (!scope.name().equals(name) || !scope.attributes().equals(attributes)) {
                    updates.put(ref, new NewScope(ref, node.type(), name, attributes, parentKey));
                }
            } else {
                creates.add(new NewScope(ref, node.type(), name, attributes, parentKey));
            }
            List<ScopeNode> children = node.children() == null ? List.of() : node.children();
            for (int i = 0; i < children.size(); i++) {
                scope(children.get(i), ref, path + ".children[" + i + "]");
            }
        }

        void member(MemberEntry entry, String path) {
            String userId = entry.user() == null ? null : userIdByName.get(entry.user());
            if (userId == null) {
                throw ApiException.badRequest(path + ".user", "Realm " + request.realm.getName()
                        + " has no user '" + entry.user() + "'");
            }
            String ref = entry.scope() == null ? null : canonical(entry.scope());
            String type = ref == null ? null : typeByKey.get(ref);
            if (type == null && ref != null) {
                Scope scope = existing.get(entry.scope());
                if (scope != null) {
                    type = scope.type();
                    typeByKey.put(ref, type);
                    idByKey.put(ref, scope.id());
                }
            }
            if (type == null) {
                throw ApiException.badRequest(path + ".scope", "No scope with key '" + entry.scope() + "'");
            }
            List<String> roles = entry.roles() == null ? List.of() : entry.roles();
            if (roles.isEmpty()) {
                throw ApiException.badRequest(path + ".roles", "roles must list at least one role");
            }
            Set<String> allowedOptions = new HashSet<>();
            for (int i = 0; i < roles.size(); i++) {
                if (!schema.roles(type).contains(roles.get(i))) {
                    throw ApiException.badRequest(path + ".roles[" + i + "]", "Scope type " + type + " has no role '"
                            + roles.get(i) + "'");
                }
                allowedOptions.addAll(schema.optionalPermissions(type, roles.get(i)));
                grants.add(new Grant(userId, ref, type, roles.get(i)));
            }
            if (entry.options() != null) {
                for (int i = 0; i < entry.options().size(); i++) {
                    if (!allowedOptions.contains(entry.options().get(i))) {
                        throw ApiException.badRequest(path + ".options[" + i + "]", "'" + entry.options().get(i)
                                + "' is not an optional permission of the roles listed");
                    }
                }
                options.add(new Options(userId, ref, new LinkedHashSet<>(entry.options())));
            }
        }

        /** No role ends up with more holders than it allows, counting those already there. */
        void checkHolders() {
            Map<String, Set<String>> holders = new HashMap<>();
            for (Grant grant : grants) {
                int max = schema.maxHolders(grant.type(), grant.role()).orElse(Integer.MAX_VALUE);
                if (max == Integer.MAX_VALUE) {
                    continue;
                }
                String key = grant.scopeKey() + "\n" + grant.role();
                Set<String> users = holders.computeIfAbsent(key, k -> new HashSet<>(
                        Optional.ofNullable(idByKey.get(grant.scopeKey()))
                                .map(scopeId -> request.store.slice().holders(scopeId, grant.role()))
                                .orElse(Set.of())));
                users.add(grant.userId());
                if (users.size() > max) {
                    throw ApiException.conflict("Role " + grant.role() + " at scope '" + grant.scopeKey()
                            + "' would have " + users.size() + " holders; it allows " + max, List.of());
                }
            }
        }

        ImportResult apply(String schemaJson, Optional<StoredSchema> active) {
            int revision = active.map(StoredSchema::revision).orElse(0);
            if (schemaJson != null) {
                TenancySchema stored = schema;
                revision = request.store.saveSchema(stored.id(), stored.version(), schemaJson,
                        request.principal.userId()).revision();
            }
            for (NewScope scope : creates) {
                String parentId = scope.parentKey() == null ? null : idOf(scope.parentKey());
                idByKey.put(scope.key(), request.store.createScope(scope.type(), scope.name(), parentId,
                        scope.attributes(), scope.key()).id());
            }
            for (NewScope scope : updates.values()) {
                request.store.updateScope(idOf(scope.key()), scope.name(), scope.attributes());
            }
            List<TenancyStore.Grant> toGive = new ArrayList<>(grants.size());
            for (Grant grant : grants) {
                toGive.add(new TenancyStore.Grant(grant.userId(), idOf(grant.scopeKey()), grant.role(),
                        schema.maxHolders(grant.type(), grant.role()).orElse(Integer.MAX_VALUE)));
            }
            int granted = request.store.grantAll(toGive);
            int optionsSet = 0;
            for (Options change : options) {
                String scopeId = idOf(change.scopeKey());
                Set<String> current = request.store.slice().membership(change.userId(), scopeId)
                        .map(Membership::options).orElse(Set.of());
                if (!current.equals(change.options())) {
                    request.store.setOptions(change.userId(), scopeId, change.options());
                    optionsSet++;
                }
            }
            boolean unchanged = schemaJson == null && creates.isEmpty() && updates.isEmpty() && granted == 0
                    && optionsSet == 0;
            return new ImportResult(revision, creates.size(), updates.size(), granted, optionsSet, unchanged);
        }

        /**
         * One name per scope, however the document names it: an existing scope by its id (a document may name it by
         * key in one place and by id in another), a new one by its key. Limits of holders are counted per name.
         */
        private String canonical(String keyOrId) {
            Scope scope = existing.get(keyOrId);
            return scope == null ? keyOrId : scope.id();
        }

        private String idOf(String key) {
            return idByKey.computeIfAbsent(key, k -> request.store.scopeByKey(k).orElseThrow().id());
        }
    }
}
