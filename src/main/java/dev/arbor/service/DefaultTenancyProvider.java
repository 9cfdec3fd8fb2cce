package dev.arbor.service;

import dev.arbor.core.Affordances;
import dev.arbor.core.Scope;
import dev.arbor.service.TenancyDocument.ImportResult;
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
import org.keycloak.models.KeycloakSession;

/** The tenancy service over Arbor's JPA store; each use case lives in the class of its aggregate. */
final class DefaultTenancyProvider implements TenancyProvider {

    private final KeycloakSession session;
    private final InvitationLimits limits;
    private RealmTenancy tenancy;

    DefaultTenancyProvider(KeycloakSession session, InvitationLimits limits) {
        this.session = session;
        this.limits = limits;
    }

    /** The session's realm, read when first needed: a provider may be created before the realm is known. */
    private RealmTenancy tenancy() {
        if (tenancy == null || !tenancy.realm.getId().equals(session.getContext().getRealm().getId())) {
            tenancy = new RealmTenancy(session);
        }
        return tenancy;
    }

    @Override
    public Optional<StoredSchema> activeSchema() {
        return tenancy().store.activeSchema();
    }

    @Override
    public SchemaInfo schema() {
        return new SchemaUseCases(tenancy()).get();
    }

    @Override
    public SchemaInfo putSchema(Actor actor, Supplier<Object> document) {
        return new SchemaUseCases(tenancy()).put(actor, document);
    }

    @Override
    public Validation validateSchema(Actor actor, Supplier<Object> document) {
        return new SchemaUseCases(tenancy()).validate(actor, document);
    }

    @Override
    public ScopeRepresentation createScope(Actor actor, String type, String name, String parentId, String key,
            Map<String, Object> attributes) {
        return scopes().create(actor, type, name, parentId, key, attributes);
    }

    @Override
    public List<ScopeRepresentation> listScopes(Actor actor, String parentId, String type, String search, String key,
            int first, int max) {
        return scopes().list(actor, parentId, type, search, key, first, max);
    }

    @Override
    public Scope visibleScope(Actor actor, String scopeId) {
        return tenancy().visibleScope(tenancy().policy(), actor, scopeId, null);
    }

    @Override
    public ScopeRepresentation scope(Actor actor, String scopeId) {
        return scopes().get(actor, scopeId);
    }

    @Override
    public ScopeRepresentation updateScope(Actor actor, String scopeId, String name, Map<String, Object> attributes) {
        return scopes().update(actor, scopeId, name, attributes);
    }

    @Override
    public void deleteScope(Actor actor, String scopeId, boolean cascade) {
        scopes().delete(actor, scopeId, cascade);
    }

    @Override
    public MemberPage members(Actor actor, String scopeId, String after, int first, int max) {
        return members().members(actor, scopeId, after, first, max);
    }

    @Override
    public MemberRepresentation grant(Actor actor, String scopeId, String userId, String role, boolean transfer) {
        return members().grant(actor, scopeId, userId, role, transfer);
    }

    @Override
    public MemberRepresentation replaceRole(Actor actor, String scopeId, String userId, String role) {
        return members().replace(actor, scopeId, userId, role);
    }

    @Override
    public RoleChange revoke(Actor actor, String scopeId, String userId, String role) {
        return members().revoke(actor, scopeId, userId, role);
    }

    @Override
    public void removeMember(Actor actor, String scopeId, String userId) {
        members().remove(actor, scopeId, userId);
    }

    @Override
    public MemberRepresentation setOptions(Actor actor, String scopeId, String userId, List<String> options) {
        return members().setOptions(actor, scopeId, userId, options);
    }

    @Override
    public AccessRepresentation access(Actor actor, String scopeId, String userId) {
        return members().access(actor, scopeId, userId);
    }

    @Override
    public Affordances actions(Actor actor, String scopeId, int first, int max) {
        return members().actions(actor, scopeId, first, max);
    }

    @Override
    public RoleMatrix roles(Actor actor, String scopeId) {
        return members().roles(actor, scopeId);
    }

    @Override
    public DecisionRepresentation check(Actor actor, List<String> scopeIds, String permission, String userId,
            boolean resourceOwner) {
        return new PermissionCheck(tenancy()).check(actor, scopeIds, permission, userId, resourceOwner);
    }

    @Override
    public List<AccessRepresentation> myScopes(Actor actor, int first, int max) {
        return new OwnAccess(tenancy()).scopes(actor, first, max);
    }

    @Override
    public AccessRepresentation myPermissions(Actor actor, String scopeId) {
        return new OwnAccess(tenancy()).permissions(actor, scopeId);
    }

    @Override
    public List<Invitation> openInvitations(Actor actor) {
        return invitations().open(actor);
    }

    @Override
    public List<InvitationRepresentation> myInvitations(Actor actor) {
        return invitations().mine(actor);
    }

    @Override
    public AccessRepresentation acceptInvitation(Actor actor, String invitationId) {
        return invitations().accept(actor, invitationId);
    }

    @Override
    public void declineInvitation(Actor actor, String invitationId) {
        invitations().decline(actor, invitationId);
    }

    @Override
    public Optional<List<List<Scope>>> actableScopes(String userId, int atMost) {
        return new ActiveScopes(tenancy()).actable(userId, atMost);
    }

    @Override
    public Optional<Scope> onlyActableScope(String userId) {
        return new ActiveScopes(tenancy()).only(userId);
    }

    @Override
    public Optional<Eligibility> eligibility(String userId, String scopeIdOrKey) {
        return new ActiveScopes(tenancy()).eligibility(userId, scopeIdOrKey);
    }

    @Override
    public Optional<ActiveAccess> activeAccess(String userId, String scopeId) {
        return new ActiveScopes(tenancy()).access(userId, scopeId);
    }

    @Override
    public List<Scope> path(String scopeId) {
        return tenancy().path(scopeId);
    }

    @Override
    public Saved<InvitationRepresentation> invite(Actor actor, String scopeId, String email, List<String> roles,
            Long expiresIn) {
        return invitations().invite(actor, scopeId, email, roles, expiresIn);
    }

    @Override
    public List<InvitationRepresentation> invitations(Actor actor, String scopeId, int first, int max) {
        return invitations().list(actor, scopeId, first, max);
    }

    @Override
    public void withdrawInvitation(Actor actor, String scopeId, String invitationId) {
        invitations().withdraw(actor, scopeId, invitationId);
    }

    @Override
    public TenancyDocument exportDocument(Actor actor) {
        return new DocumentExport(tenancy()).export(actor);
    }

    @Override
    public ImportResult importDocument(Actor actor, Supplier<TenancyDocument> document) {
        return new DocumentImport(tenancy()).importDocument(actor, document);
    }

    @Override
    public Optional<TenancyDocument> exportForRealmFile() {
        return new DocumentExport(tenancy()).exportIfAny();
    }

    @Override
    public ImportResult importFromRealmFile(Supplier<TenancyDocument> document) {
        return new DocumentImport(tenancy()).importAsSystem(document);
    }

    private ScopeUseCases scopes() {
        return new ScopeUseCases(tenancy());
    }

    private MemberUseCases members() {
        return new MemberUseCases(tenancy());
    }

    private InvitationUseCases invitations() {
        return new InvitationUseCases(tenancy(), limits);
    }

    @Override
    public void close() {
        // the store belongs to the session
    }
}
