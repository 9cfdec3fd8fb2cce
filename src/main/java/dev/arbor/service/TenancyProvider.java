package dev.arbor.service;

import dev.arbor.core.Affordances;
import dev.arbor.core.Scope;
import dev.arbor.service.Views.AccessRepresentation;
import dev.arbor.service.Views.ActiveAccess;
import dev.arbor.service.Views.DecisionRepresentation;
import dev.arbor.service.Views.Eligibility;
import dev.arbor.service.Views.InvitationRepresentation;
import dev.arbor.service.Views.MemberPage;
import dev.arbor.service.Views.MemberRepresentation;
import dev.arbor.service.Views.RoleChange;
import dev.arbor.service.Views.RoleMatrix;
import dev.arbor.service.Views.Saved;
import dev.arbor.service.Views.SchemaInfo;
import dev.arbor.service.Views.ScopeRepresentation;
import dev.arbor.service.Views.Validation;
import dev.arbor.store.Invitation;
import dev.arbor.store.StoredSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.provider.Provider;

/**
 * The tenancy of the session's realm, one method per use case: each asks the policy core, writes through the
 * store, records an admin event for every change and counts refusals. Fetched with
 * {@code session.getProvider(TenancyProvider.class)}.
 *
 * <p>Common contract: no method returns null; an {@link Actor} is never null. Every refusal is a
 * {@link TenancyException} thrown before the use case has written anything it would keep, or with the session's
 * transaction left for the caller to roll back ({@code NOT_FOUND} for a scope that does not exist and one the
 * actor may not see alike; {@code CONFLICT} when the realm has no schema yet, for every use case that needs one).
 * A write the database refuses (a uniqueness, a seat taken meanwhile, a lock not granted in time) is CONFLICT too.
 * Paging arguments are checked by the caller ({@code first >= 0}, {@code 1 <= max <= 1000}).
 */
public interface TenancyProvider extends Provider {

    // ---- schema

    /** The realm's schema in force, if any; no rights needed. */
    Optional<StoredSchema> activeSchema();

    /** @throws TenancyException NOT_FOUND when the realm has no schema */
    SchemaInfo schema();

    /**
     * Stores a new revision unless the document equals the one in force.
     *
     * @param document the schema as maps and lists; read only once the actor is known to be a realm administrator
     * @throws TenancyException FORBIDDEN for anyone else, INVALID with the problems, CONFLICT with the existing data
     *     that would not fit
     */
    SchemaInfo putSchema(Actor actor, Supplier<Object> document);

    /** Checks a document without storing it. @throws TenancyException FORBIDDEN for all but realm administrators */
    Validation validateSchema(Actor actor, Supplier<Object> document);

    // ---- scopes

    /**
     * Creates a scope.
     *
     * @param parentId null for a top scope
     * @param key a realm-wide name, for realm administrators only; null for none
     * @param attributes null for none
     * @throws TenancyException INVALID naming the field, FORBIDDEN for a key from a tenant, DENIED by the rules,
     *     CONFLICT for a key in use
     */
    ScopeRepresentation createScope(Actor actor, String type, String name, String parentId, String key,
            Map<String, Object> attributes);

    /**
     * A page of the scopes the actor may see: children of {@code parentId} (or the top ones), ordered by name; with
     * {@code key} the one scope with that key, if visible.
     *
     * @param type, search, key optional filters (null: none)
     */
    List<ScopeRepresentation> listScopes(Actor actor, String parentId, String type, String search, String key,
            int first, int max);

    /** @throws TenancyException NOT_FOUND unless the scope exists and the actor may see it */
    Scope visibleScope(Actor actor, String scopeId);

    ScopeRepresentation scope(Actor actor, String scopeId);

    /** @param name, attributes null to keep them */
    ScopeRepresentation updateScope(Actor actor, String scopeId, String name, Map<String, Object> attributes);

    /** Deletes a scope, and with {@code cascade} all below it. @throws TenancyException CONFLICT for children */
    void deleteScope(Actor actor, String scopeId, boolean cascade);

    // ---- members

    /**
     * Members a page at a time, ordered by user id; an actor who may not list them sees only their own membership.
     * Every page but the last names the next one ({@link MemberPage#next()}): following it lists each member that
     * stays a member exactly once, however the membership changes between pages.
     *
     * @param after the {@code next} of an earlier page, or null to start at {@code first}
     * @param first how many members to skip when {@code after} is null
     * @throws TenancyException INVALID (field {@code after}) for a cursor no page gave; NOT_FOUND for a scope the
     *     actor may not see
     */
    MemberPage members(Actor actor, String scopeId, String after, int first, int max);

    /**
     * Gives {@code userId} {@code role}; with {@code transfer} takes a full role from its holders.
     *
     * @throws TenancyException NOT_FOUND for an unknown user, DENIED, CONFLICT for a full role without transfer
     */
    MemberRepresentation grant(Actor actor, String scopeId, String userId, String role, boolean transfer);

    /**
     * Gives {@code userId} {@code role} in place of the role of its exclusive group they hold at the scope (a change
     * of level in one request); a plain grant when they hold none. Needs the right to give both roles.
     *
     * @throws TenancyException as {@link #grant}
     */
    MemberRepresentation replaceRole(Actor actor, String scopeId, String userId, String role);

    /** Takes {@code role} from {@code userId}, and removes what the schema cascades with it. */
    RoleChange revoke(Actor actor, String scopeId, String userId, String role);

    /** Removes every role {@code userId} holds at the scope. @throws TenancyException NOT_FOUND for a non-member */
    void removeMember(Actor actor, String scopeId, String userId);

    /** Replaces the member's optional permissions. @throws TenancyException INVALID when {@code options} is null */
    MemberRepresentation setOptions(Actor actor, String scopeId, String userId, List<String> options);

    /** What {@code userId} may do at the scope, explained. */
    AccessRepresentation access(Actor actor, String scopeId, String userId);

    /** What the actor may do at the scope and to the members of one page of {@link #members}. */
    Affordances actions(Actor actor, String scopeId, int first, int max);

    /** The scope type's roles with the permissions a holder of each would have at the scope. */
    RoleMatrix roles(Actor actor, String scopeId);

    /**
     * May {@code userId} (null: the actor) do {@code permission} at one scope, or on something spanning several
     * (judged at their lowest common ancestor)? A denial is an answer here.
     *
     * @param scopeIds one scope, or several (at most 20)
     * @throws TenancyException INVALID for no scope, a missing or invisible one, or a missing permission;
     *     FORBIDDEN when asking about another user without the right to list the members of every scope named
     */
    DecisionRepresentation check(Actor actor, List<String> scopeIds, String permission, String userId,
            boolean resourceOwner);

    // ---- the actor's own

    /** The actor's memberships with access, ordered by scope id. */
    List<AccessRepresentation> myScopes(Actor actor, int first, int max);

    /** @throws TenancyException INVALID without a scope id, NOT_FOUND for an invisible scope */
    AccessRepresentation myPermissions(Actor actor, String scopeId);

    /** Open invitations to the actor's verified address; none without one, or without a schema. */
    List<Invitation> openInvitations(Actor actor);

    /** {@link #openInvitations} as the API shows them. */
    List<InvitationRepresentation> myInvitations(Actor actor);

    /**
     * Accepts an open invitation to the actor's verified address, for the API and the login page alike: the
     * sender's right to grant each role is checked again now, and each role's limit of holders.
     *
     * @throws TenancyException NOT_FOUND for any other invitation, DENIED when the sender may no longer grant a
     *     role, CONFLICT when decided meanwhile or a role is full; then the caller rolls back
     */
    AccessRepresentation acceptInvitation(Actor actor, String invitationId);

    /** @throws TenancyException NOT_FOUND as {@link #acceptInvitation}, CONFLICT when decided meanwhile */
    void declineInvitation(Actor actor, String invitationId);

    // ---- the scope a client session acts in (login steps and tokens; the user is signed in, not calling the API)

    /**
     * The first {@code atMost} scopes {@code userId} may make active, each as its path (root first, the scope last),
     * in the core's order; empty when the realm has no schema. A short list costs a check per listed scope, not one
     * per membership.
     */
    Optional<List<List<Scope>>> actableScopes(String userId, int atMost);

    /**
     * The scope {@code userId} may make active when it is their only one; empty when the realm has no schema or they
     * may act in none or several. What a token asks when the session names no scope, without listing them all.
     */
    Optional<Scope> onlyActableScope(String userId);

    /**
     * The scope named by id or key, and whether {@code userId} may act there; empty when the realm has no schema
     * or no such scope.
     */
    Optional<Eligibility> eligibility(String userId, String scopeIdOrKey);

    /** What a token says of {@code userId} at the scope; empty without a schema, the scope or access there. */
    Optional<ActiveAccess> activeAccess(String userId, String scopeId);

    /** The scope's ancestors and itself, root first, for pages that name it; empty for no such scope. */
    List<Scope> path(String scopeId);

    // ---- invitations of a scope

    /**
     * Invites an address to roles at a scope; an open invitation to the same address there is renewed instead.
     *
     * @param expiresIn seconds; null for the default
     * @throws TenancyException INVALID naming the field, DENIED for a role the actor may not grant, CONFLICT naming
     *     {@code email} beyond the limits of open invitations
     */
    Saved<InvitationRepresentation> invite(Actor actor, String scopeId, String email, List<String> roles,
            Long expiresIn);

    /** All invitations of the scope for who may list its members, otherwise those the actor sent. */
    List<InvitationRepresentation> invitations(Actor actor, String scopeId, int first, int max);

    /** Withdraws a pending invitation. @throws TenancyException NOT_FOUND, DENIED, CONFLICT when decided */
    void withdrawInvitation(Actor actor, String scopeId, String invitationId);

    // ---- the tenancy document

    /** The realm's schema, tree and memberships. @throws TenancyException FORBIDDEN, NOT_FOUND without schema */
    TenancyDocument exportDocument(Actor actor);

    /**
     * Adds and updates what a document describes, checked whole first; idempotent.
     *
     * @param document read only once the actor is known to be a realm administrator
     * @throws TenancyException FORBIDDEN, INVALID naming the document path, CONFLICT
     */
    TenancyDocument.ImportResult importDocument(Actor actor, Supplier<TenancyDocument> document);

    // ---- realm files: Keycloak's own import and export of the realm, acting as the system

    /**
     * The realm's tenancy for a realm file that Keycloak exports ({@code kc.sh export}): the document
     * {@link #exportDocument} gives a realm administrator, read by the system, with no actor to check.
     *
     * @return empty when the realm has no schema (there is no tenancy to carry)
     */
    Optional<TenancyDocument> exportForRealmFile();

    /**
     * Applies the tenancy a realm file carries while Keycloak imports the realm ({@code kc.sh import},
     * {@code --import-realm}, a realm created from a representation): {@link #importDocument} acting as the system,
     * with no user. Every rule of the core is checked as for an administrator's import (the document is checked
     * whole first; it only adds and updates); the schema revision records no creator, and no admin event is
     * recorded, as Keycloak records none for the rest of the file. Only the realm import may call it: it is not
     * reachable from any API.
     *
     * @throws TenancyException INVALID naming the document path, CONFLICT; the caller then fails the realm import
     */
    TenancyDocument.ImportResult importFromRealmFile(Supplier<TenancyDocument> document);
}
