package dev.arbor.service;

import dev.arbor.core.Access;
import dev.arbor.core.Decision;
import dev.arbor.core.Membership;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import dev.arbor.store.Invitation;
import dev.arbor.store.TenancyStore;
import java.util.List;
import java.util.Map;

/** What the service answers, as the API shows it: ordered and stable values. */
public final class Views {

    private Views() {
    }

    public record ScopeRef(String id, String type, String name) {
        static ScopeRef of(Scope scope) {
            return new ScopeRef(scope.id(), scope.type(), scope.name());
        }
    }

    /**
     * A scope with its path from the root (root first, the scope itself last), and its key: a stable external
     * identifier given at creation or by an import, or null.
     */
    public record ScopeRepresentation(String id, String key, String type, String name, String parentId,
            List<ScopeRef> path, Map<String, Object> attributes) {
        static ScopeRepresentation of(Scope scope, TenancyStore store) {
            List<ScopeRef> path = store.slice().path(scope.id()).stream().map(ScopeRef::of).toList();
            return new ScopeRepresentation(scope.id(), store.key(scope.id()).orElse(null), scope.type(), scope.name(),
                    scope.parentId(), path, scope.attributes());
        }
    }

    public record MemberRepresentation(String userId, String username, List<String> roles, List<String> options) {
        static MemberRepresentation of(Membership membership, String username) {
            return new MemberRepresentation(membership.userId(), username,
                    membership.roles().stream().sorted().toList(), membership.options().stream().sorted().toList());
        }
    }

    /**
     * @param first the offset asked for; 0 for a page asked for by cursor
     * @param complete false when the caller sees only their own membership
     * @param next the cursor of the page after this one ({@code after}); null (left out of the JSON) on the last page
     */
    public record MemberPage(List<MemberRepresentation> members, long total, int first, int max, boolean complete,
            String next) {
    }

    public record AccessRepresentation(ScopeRepresentation scope, List<String> roles, List<String> actingRoles,
            List<String> permissions, List<String> options, List<String> explanation) {
        static AccessRepresentation of(Access access, Scope scope, TenancyStore store) {
            return new AccessRepresentation(ScopeRepresentation.of(scope, store), access.roles(), access.actingRoles(),
                    access.permissions(), access.options(), access.explanation());
        }
    }

    /**
     * @param permissions every permission of the schema, in its order: the matrix's rows
     * @param roles the columns: per role, the permissions a holder would have here
     */
    public record RoleMatrix(String scopeId, String type, List<String> permissions, List<Column> roles) {

        /** @param maxHolders null when the role has no limit */
        public record Column(String name, List<String> permissions, List<String> optional, Integer maxHolders) {
        }
    }

    public record DecisionRepresentation(boolean allowed, String reason, List<String> explanation) {
        static DecisionRepresentation of(Decision decision) {
            return new DecisionRepresentation(decision.allowed(), decision.reason().name(), decision.explanation());
        }
    }

    public record RoleChange(String userId, String scopeId, String role, boolean transfer, List<String> removedWith) {
    }

    public record SchemaInfo(int revision, String id, int version, long createdAt, String createdBy,
            Object document) {
    }

    public record SchemaProblem(String path, String message) {
    }

    public record Validation(boolean valid, List<SchemaProblem> problems, List<String> conflicts) {
    }

    public record InvitationRepresentation(String id, ScopeRef scope, String email, List<String> roles,
            String inviterId, long createdAt, long expiresAt, String status) {
        static InvitationRepresentation of(Invitation invitation, TreeSlice tree) {
            ScopeRef scope = tree.scope(invitation.scopeId()).map(ScopeRef::of)
                    .orElse(new ScopeRef(invitation.scopeId(), null, null));
            String status = invitation.isOpen(System.currentTimeMillis()) || !invitation.status().equals("PENDING")
                    ? invitation.status() : "EXPIRED";
            return new InvitationRepresentation(invitation.id(), scope, invitation.email(), invitation.roles(),
                    invitation.inviterId(), invitation.createdAt(), invitation.expiresAt(), status);
        }
    }

    /** A new or renewed resource and whether it is new (the API answers 201 or 200). */
    public record Saved<T>(T value, String id, boolean created) {
    }

    /**
     * A scope named to a token, and whether the user may act there.
     */
    public record Eligibility(Scope scope, boolean allowed) {
    }

    /**
     * What a token says of the scope a user acts in: the core's answer, the scope's path (root first, the scope
     * last) and the schema in force.
     */
    public record ActiveAccess(Access access, List<Scope> path, String schemaId, int schemaVersion) {
    }
}
