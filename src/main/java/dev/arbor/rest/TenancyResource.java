package dev.arbor.rest;

import dev.arbor.rest.Representations.CheckRequest;
import dev.arbor.service.TenancyDocument;
import dev.arbor.service.Views.DecisionRepresentation;
import dev.arbor.store.StoredSchema;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * The tenancy API, mounted twice: at {@code /realms/{realm}/tenancy} for the realm's users (delegated
 * administration, a bearer token of this realm) and at {@code /admin/realms/{realm}/tenancy} beside Keycloak's admin
 * API for its administrators and automation ({@link AdminTenancyResourceProvider}); the latter has no {@code me},
 * no invitations and no web app. Every call authenticates its caller first, once, and hands the resolved request
 * to the sub-resource.
 */
public final class TenancyResource {

    private final KeycloakSession session;
    private final Supplier<TenancyRequest> authenticate;
    private final boolean administration;

    private TenancyResource(KeycloakSession session, Supplier<TenancyRequest> authenticate, boolean administration) {
        this.session = session;
        this.authenticate = authenticate;
        this.administration = administration;
    }

    /** {@code /realms/{realm}/tenancy}. */
    static TenancyResource forUsers(KeycloakSession session) {
        return new TenancyResource(session, () -> TenancyRequest.authenticate(session), false);
    }

    /** {@code /admin/realms/{realm}/tenancy}. */
    static TenancyResource forAdministrators(KeycloakSession session, RealmModel realm,
            AdminPermissionEvaluator auth) {
        return new TenancyResource(session, () -> TenancyRequest.administering(session, realm, auth), true);
    }

    /** What this server runs and whether the realm has a tenancy schema; any authenticated user of the realm. */
    @GET
    @Path("info")
    @Produces(MediaType.APPLICATION_JSON)
    public InfoRepresentation info() {
        TenancyRequest request = request();
        Optional<StoredSchema> schema = request.tenancy.activeSchema();
        return new InfoRepresentation(
                new InfoRepresentation.Arbor(ArborVersion.current()),
                request.realm.getName(),
                schema.map(stored -> new InfoRepresentation.Schema(InfoRepresentation.SchemaStatus.ACTIVE,
                                stored.schemaId(), stored.schemaVersion(), stored.revision()))
                        .orElse(new InfoRepresentation.Schema(InfoRepresentation.SchemaStatus.NOT_CONFIGURED, null,
                                null, null)),
                new InfoRepresentation.Caller(request.actor.userId(), request.username, request.actor.realmAdmin()));
    }

    @Path("schema")
    public SchemaResource schema() {
        return new SchemaResource(request());
    }

    @Path("scopes")
    public ScopesResource scopes() {
        return new ScopesResource(request());
    }

    /** The realm's schema, tree and memberships as one document; realm administrators. */
    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    public TenancyDocument export() {
        TenancyRequest request = request();
        return request.tenancy.exportDocument(request.actor);
    }

    /** Adds and updates what a document describes, checked whole first; idempotent. Realm administrators. */
    @POST
    @Path("import")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "text/yaml", "application/x-yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    public TenancyDocument.ImportResult importDocument(InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        TenancyRequest request = request();
        String text = Bodies.text(body);
        return request.tenancy.importDocument(request.actor, () -> Bodies.convert(
                Bodies.document(text, SchemaResource.isYaml(contentType)), TenancyDocument.class));
    }

    /**
     * The caller, authenticated; first refuses a body announced larger than the API reads, so that nothing of it
     * is read.
     */
    private TenancyRequest request() {
        Bodies.refuseDeclaredOversize(session.getContext().getRequestHeaders());
        return authenticate.get();
    }

    private static ApiException notOnTheAdminApi(String what) {
        return ApiException.refused(jakarta.ws.rs.core.Response.Status.NOT_FOUND, null,
                "The admin API has no " + what + "; it is the realm users' API, /realms/{realm}/tenancy");
    }

    /** The tenant admin web app's files; public, see {@link TenantAdminApp}. */
    @Path("ui")
    public TenantAdminApp ui() {
        if (administration) {
            request(); // Keycloak's administrators only learn what the admin API lacks
            throw notOnTheAdminApi("the tenant admin app");
        }
        return new TenantAdminApp(session);
    }

    @Path("me")
    public MeResource me() {
        if (administration) {
            request();
            throw notOnTheAdminApi("me");
        }
        return new MeResource(request());
    }

    /**
     * May a user (the caller, or with {@code userId} another member, when the caller may list the members) do
     * {@code permission} at {@code scopeId}, or across {@code scopeIds} (judged at their lowest common ancestor)?
     * Answers 200 with the decision and why, denials included.
     */
    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public DecisionRepresentation check(InputStream body) {
        TenancyRequest request = request();
        CheckRequest input = Bodies.read(body, CheckRequest.class);
        if (input.scopeId() != null && input.scopeIds() != null) {
            throw ApiException.badRequest("scopeIds", "name one scope (scopeId) or several (scopeIds), not both");
        }
        List<String> scopes = input.scopeIds() != null ? input.scopeIds() : Collections.singletonList(input.scopeId());
        return request.tenancy.check(request.actor, scopes, input.permission(), input.userId(),
                Boolean.TRUE.equals(input.resourceOwner()));
    }
}
