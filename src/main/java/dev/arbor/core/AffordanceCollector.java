package dev.arbor.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects {@link Policy#affordances}: every entry is the answer of the policy's own decision for that action, so
 * a user interface offers exactly what the API would allow.
 */
final class AffordanceCollector {

    private final Policy policy;
    private final TenancySchema schema;

    AffordanceCollector(Policy policy) {
        this.policy = policy;
        this.schema = policy.schema();
    }

    Optional<Affordances> collect(Principal principal, String scopeId, List<String> memberIds, String newcomerId,
            TreeSlice tree) {
        Optional<Scope> scope = tree.scope(scopeId);
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        List<String> roles = schema.roles(scope.get().type());
        List<String> children = new ArrayList<>();
        for (String type : schema.scopeTypes()) {
            if (schema.mayNest(scope.get().type(), type)
                    && policy.mayCreateScope(principal, scopeId, type, tree).allowed()) {
                children.add(type);
            }
        }
        List<String> invite = roles.stream()
                .filter(role -> policy.mayGrant(principal, newcomerId, scopeId, role, false, tree).allowed()).toList();
        List<Affordances.MemberAffordances> members = new ArrayList<>();
        for (String memberId : memberIds) {
            members.add(member(principal, scopeId, memberId, roles, tree));
        }
        return Optional.of(new Affordances(scopeId, policy.mayUpdateScope(principal, scopeId, tree).allowed(),
                policy.mayDeleteScope(principal, scopeId, tree).allowed(), children,
                policy.mayListMembers(principal, scopeId, tree).allowed(), invite, members,
                takeBack(principal, scope.get(), tree)));
    }

    private Affordances.MemberAffordances member(Principal principal, String scopeId, String memberId,
            List<String> roles, TreeSlice tree) {
        Set<String> held = tree.membership(memberId, scopeId).map(Membership::roles).orElse(Set.of());
        List<String> grant = new ArrayList<>();
        List<String> transfer = new ArrayList<>();
        List<Affordances.RevokeAffordance> revoke = new ArrayList<>();
        for (String role : roles) {
            if (held.contains(role)) {
                Revocation revocation = policy.mayRevoke(principal, memberId, scopeId, role, false, tree);
                if (revocation.allowed()) {
                    revoke.add(new Affordances.RevokeAffordance(role, revocation.cascade().stream()
                            .map(Membership::userId).filter(id -> !id.equals(memberId)).distinct().sorted()
                            .toList()));
                }
            } else if (policy.mayGrant(principal, memberId, scopeId, role, false, tree).allowed()) {
                grant.add(role);
            } else if (policy.mayGrant(principal, memberId, scopeId, role, true, tree).allowed()) {
                transfer.add(role);
            }
        }
        return new Affordances.MemberAffordances(memberId, grant, transfer, revoke);
    }

    private List<Affordances.TakeBack> takeBack(Principal principal, Scope scope, TreeSlice tree) {
        List<Affordances.TakeBack> takeBack = new ArrayList<>();
        Optional<String> owner = schema.ownerRole(scope.type());
        if (owner.isEmpty()) {
            return takeBack;
        }
        for (String holder : new TreeSet<>(tree.holders(scope.id(), owner.get()))) {
            if (holder.equals(principal.userId())) {
                continue; // giving up one's own role is no take-back; the member row offers it, cascade-free
            }
            Revocation revocation = policy.mayRevoke(principal, holder, scope.id(), owner.get(), false, tree);
            if (revocation.allowed()) {
                takeBack.add(new Affordances.TakeBack(owner.get(), holder, (int) revocation.cascade().stream()
                        .filter(membership -> !membership.userId().equals(holder)).count()));
            }
        }
        return takeBack;
    }
}
