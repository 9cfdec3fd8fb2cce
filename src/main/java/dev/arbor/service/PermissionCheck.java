package dev.arbor.service;

import dev.arbor.core.Decision;
import dev.arbor.core.Policy;
import dev.arbor.core.Principal;
import dev.arbor.core.TreeSlice;
import dev.arbor.service.Views.DecisionRepresentation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /check}: may a user do a permission at one scope, or on something that spans several (judged by the
 * core at their lowest common ancestor)? A denial is an answer; only a question that cannot be asked is refused.
 */
final class PermissionCheck {

    /** More scopes than any operation spans; the bound keeps one request from walking the whole tree. */
    static final int MAX_SCOPES = 20;

    private final RealmTenancy tenancy;

    PermissionCheck(RealmTenancy tenancy) {
        this.tenancy = tenancy;
    }

    DecisionRepresentation check(Actor actor, List<String> scopeIds, String permission, String userId,
            boolean resourceOwner) {
        String field = scopeIds.size() == 1 ? "scopeId" : "scopeIds";
        Set<String> scopes = new LinkedHashSet<>(scopeIds);
        if (scopes.isEmpty() || scopes.contains(null)) {
            throw TenancyException.invalid(field, field + " is required");
        }
        if (scopes.size() > MAX_SCOPES) {
            throw TenancyException.invalid(field, "at most " + MAX_SCOPES + " scopes");
        }
        if (permission == null) {
            throw TenancyException.invalid("permission", "permission is required");
        }
        Policy policy = tenancy.policy();
        TreeSlice tree = tenancy.tree();
        String subject = userId == null ? actor.userId() : userId;
        for (String scopeId : scopes) {
            tenancy.visibleScope(policy, actor, scopeId, field);
            if (!subject.equals(actor.userId()) && !policy.mayListMembers(actor.principal(), scopeId, tree).allowed()) {
                throw TenancyException.forbidden(null,
                        "Checking another user needs the right to list the members of every scope named");
            }
        }
        if (!subject.equals(actor.userId())) {
            tenancy.user(subject);
        }
        Principal principal = new Principal(subject, false);
        Decision decision = scopes.size() == 1
                ? policy.check(principal, scopes.iterator().next(), permission, resourceOwner, tree)
                : policy.checkAcross(principal, scopes, permission, resourceOwner, tree);
        return DecisionRepresentation.of(decision);
    }
}
