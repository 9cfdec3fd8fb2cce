package dev.arbor.service;

import dev.arbor.core.HolderLimit;
import dev.arbor.core.Access;
import dev.arbor.core.Affordances;
import dev.arbor.core.Decision;
import dev.arbor.core.Membership;
import dev.arbor.core.Policy;
import dev.arbor.core.Principal;
import dev.arbor.core.Revocation;
import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import dev.arbor.service.Views.AccessRepresentation;
import dev.arbor.service.Views.DecisionRepresentation;
import dev.arbor.service.Views.MemberPage;
import dev.arbor.service.Views.MemberRepresentation;
import dev.arbor.service.Views.RoleChange;
import dev.arbor.service.Views.RoleMatrix;
import dev.arbor.store.ConflictException;
import dev.arbor.store.ListedMembers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import org.keycloak.events.admin.OperationType;

/** Members of a scope: granting, revoking, options, and what a member may do. */
final class MemberUseCases {

    /** Stands for someone invited by e-mail when asking which roles the actor may give a newcomer. */
    static final String NEWCOMER = "invitee:";

    private final RealmTenancy tenancy;

    MemberUseCases(RealmTenancy tenancy) {
        this.tenancy = tenancy;
    }

    MemberPage members(Actor actor, String scopeId, String after, int first, int max) {
        String afterUserId = after == null ? null : MemberCursor.userId(after);
        Policy policy = tenancy.policy();
        Scope scope = tenancy.visibleScope(policy, actor, scopeId, null);
        if (!policy.mayListMembers(actor.principal(), scope.id(), tenancy.tree()).allowed()) {
            List<MemberRepresentation> own = tenancy.tree().membership(actor.userId(), scope.id())
                    .map(membership -> List.of(member(membership))).orElse(List.of());
            return new MemberPage(own, own.size(), 0, max, false, null);
        }
        ListedMembers listed = afterUserId == null ? tenancy.store.membersFrom(scope.id(), first, max)
                : tenancy.store.membersAfter(scope.id(), afterUserId, max);
        List<MemberRepresentation> page = listed.members().stream().map(row -> new MemberRepresentation(
                row.userId(), row.username() == null ? tenancy.username(row.userId()) : row.username(),
                row.roles(), row.options())).toList();
        return new MemberPage(page, listed.total(), afterUserId == null ? first : 0, max, true,
                listed.lastUserId() == null ? null : MemberCursor.of(listed.lastUserId()));
    }

    MemberRepresentation grant(Actor actor, String scopeId, String userId, String role, boolean transfer) {
        Policy policy = tenancy.policy();
        Scope scope = tenancy.scopeToChange(policy, actor, scopeId, null);
        tenancy.user(userId);
        RealmTenancy.require(policy.mayGrant(actor.principal(), userId, scope.id(), role, transfer, tenancy.tree()),
                "role");
        HolderLimit limit = policy.schema().holderLimit(scope.type(), role);
        Set<String> holders = tenancy.tree().holders(scope.id(), role);
        List<String> replaced = new ArrayList<>();
        if (transfer && !holders.contains(userId) && !limit.allows(holders.size() + 1)) {
            for (String holder : holders) {
                tenancy.store.revoke(holder, scope.id(), role);
                replaced.add(holder);
            }
        }
        try {
            tenancy.grant(policy, userId, scope, role);
        } catch (ConflictException e) {
            throw TenancyException.conflict(e.getMessage() + "; ask for a transfer to replace the holder", List.of());
        }
        tenancy.audit(actor, OperationType.UPDATE, new RoleChange(userId, scope.id(), role, transfer, replaced),
                "tenancy", "scopes", scope.id(), "members", userId, "roles", role);
        return member(tenancy.tree().membership(userId, scope.id()).orElseThrow());
    }

    /** {@link #grant}, replacing the role of the same exclusive group the user holds there, in one change. */
    MemberRepresentation replace(Actor actor, String scopeId, String userId, String role) {
        Policy policy = tenancy.policy();
        Scope scope = tenancy.scopeToChange(policy, actor, scopeId, null);
        tenancy.user(userId);
        RealmTenancy.require(policy.mayReplace(actor.principal(), userId, scope.id(), role, tenancy.tree()), "role");
        Optional<String> replaced = policy.exclusivePeerHeld(userId, scope.id(), role, tenancy.tree());
        replaced.ifPresent(peer -> tenancy.store.revoke(userId, scope.id(), peer));
        tenancy.grant(policy, userId, scope, role);
        tenancy.audit(actor, OperationType.UPDATE, new RoleChange(userId, scope.id(), role, false,
                        replaced.map(peer -> List.of(userId + ":" + peer)).orElse(List.of())),
                "tenancy", "scopes", scope.id(), "members", userId, "roles", role);
        return member(tenancy.tree().membership(userId, scope.id()).orElseThrow());
    }

    RoleChange revoke(Actor actor, String scopeId, String userId, String role) {
        Policy policy = tenancy.policy();
        Scope scope = tenancy.scopeToChange(policy, actor, scopeId, null);
        Revocation revocation = policy.mayRevoke(actor.principal(), userId, scope.id(), role, false, tenancy.tree());
        RealmTenancy.require(revocation.decision(), "role");
        tenancy.store.removeMemberships(revocation.cascade());
        tenancy.store.revoke(userId, scope.id(), role);
        RoleChange change = new RoleChange(userId, scope.id(), role, false,
                revocation.cascade().stream().map(Membership::userId).toList());
        tenancy.audit(actor, OperationType.DELETE, change, "tenancy", "scopes", scope.id(), "members", userId,
                "roles", role);
        return change;
    }

    void remove(Actor actor, String scopeId, String userId) {
        Policy policy = tenancy.policy();
        Scope scope = tenancy.scopeToChange(policy, actor, scopeId, null);
        Membership membership = tenancy.tree().membership(userId, scope.id())
                .orElseThrow(() -> TenancyException.notFound("User " + userId + " is not a member of " + scope.id()));
        List<Revocation> revocations = new ArrayList<>();
        for (String role : new LinkedHashSet<>(membership.roles())) {
            Revocation revocation = policy.mayRevoke(actor.principal(), userId, scope.id(), role, false,
                    tenancy.tree());
            RealmTenancy.require(revocation.decision(), "role");
            revocations.add(revocation);
        }
        List<Membership> removed = new ArrayList<>(List.of(membership));
        revocations.forEach(revocation -> removed.addAll(revocation.cascade()));
        tenancy.store.removeMemberships(removed);
        tenancy.audit(actor, OperationType.DELETE, Map.of("userId", userId, "scopeId", scope.id(),
                "removedWith", removed.stream().map(Membership::userId).filter(id -> !id.equals(userId)).toList()),
                "tenancy", "scopes", scope.id(), "members", userId);
    }

    MemberRepresentation setOptions(Actor actor, String scopeId, String userId, List<String> requested) {
        Policy policy = tenancy.policy();
        Scope scope = tenancy.scopeToChange(policy, actor, scopeId, null);
        if (requested == null) {
            throw TenancyException.invalid("options", "options is required (an empty list clears them)");
        }
        Set<String> options = new LinkedHashSet<>(requested);
        RealmTenancy.require(policy.maySetOptions(actor.principal(), userId, scope.id(), options, tenancy.tree()),
                "options");
        tenancy.store.setOptions(userId, scope.id(), options);
        tenancy.audit(actor, OperationType.UPDATE,
                Map.of("userId", userId, "options", options.stream().sorted().toList()),
                "tenancy", "scopes", scope.id(), "members", userId, "options");
        return member(tenancy.tree().membership(userId, scope.id()).orElseThrow());
    }

    AccessRepresentation access(Actor actor, String scopeId, String userId) {
        Policy policy = tenancy.policy();
        Scope scope = tenancy.visibleScope(policy, actor, scopeId, null);
        if (!userId.equals(actor.userId())) {
            Decision listing = policy.mayListMembers(actor.principal(), scope.id(), tenancy.tree());
            if (!listing.allowed()) {
                throw TenancyException.notFound("No member " + userId + " visible at " + scope.id());
            }
            tenancy.user(userId);
        }
        Access access = policy.access(new Principal(userId, false), scope.id(), tenancy.tree(), true).orElseThrow();
        return AccessRepresentation.of(access, scope, tenancy.store);
    }

    Affordances actions(Actor actor, String scopeId, int first, int max) {
        List<String> memberIds = members(actor, scopeId, null, first, max).members().stream()
                .map(MemberRepresentation::userId).toList();
        return tenancy.policy().affordances(actor.principal(), scopeId, memberIds, NEWCOMER, tenancy.tree())
                .orElseThrow();
    }

    RoleMatrix roles(Actor actor, String scopeId) {
        Policy policy = tenancy.policy();
        Scope scope = tenancy.visibleScope(policy, actor, scopeId, null);
        List<RoleMatrix.Column> columns = new ArrayList<>();
        for (String role : policy.schema().roles(scope.type())) {
            columns.add(new RoleMatrix.Column(role,
                    policy.permissionsOfRole(scope.id(), role, tenancy.tree()).orElseThrow(),
                    policy.schema().optionalPermissions(scope.type(), role),
                    maxOrNull(policy.schema().holderLimit(scope.type(), role))));
        }
        return new RoleMatrix(scope.id(), scope.type(), policy.schema().permissions(), columns);
    }

    private MemberRepresentation member(Membership membership) {
        return MemberRepresentation.of(membership, tenancy.username(membership.userId()));
    }

    /** A limit as the role matrix shows it: its number, or null for none. */
    private static Integer maxOrNull(HolderLimit limit) {
        return limit.isBounded() ? limit.max() : null;
    }
}
