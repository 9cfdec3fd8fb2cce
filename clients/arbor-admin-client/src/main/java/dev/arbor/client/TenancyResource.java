package dev.arbor.client;

import dev.arbor.client.representations.CheckRequest;
import dev.arbor.client.representations.Decision;
import dev.arbor.client.representations.TenancyDocument;
import dev.arbor.client.representations.TenancyInfo;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * One realm's tenancy: {@code /admin/realms/{realm}/tenancy} ({@link ArborAdmin}) or {@code /realms/{realm}/tenancy}
 * ({@link ArborRealmUser}, which adds what only the realm users' API has). Every method throws a
 * {@link jakarta.ws.rs.WebApplicationException} for an error answer; {@link ArborErrors#of} reads its body.
 */
public interface TenancyResource {

    /** The server's Arbor version, the schema in force and who calls; anyone the API authenticates. */
    @GET
    @Path("info")
    @Produces(MediaType.APPLICATION_JSON)
    TenancyInfo info();

    @Path("schema")
    SchemaResource schema();

    @Path("scopes")
    ScopesResource scopes();

    /** The same as {@code scopes().scope(scopeId)}. */
    @Path("scopes/{scopeId}")
    ScopeResource scope(@PathParam("scopeId") String scopeId);

    /** The realm's schema, tree and memberships as one document; realm administrators. */
    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    TenancyDocument export();

    /**
     * Adds and updates what {@code document} describes, checked whole first (nothing changes when any part is
     * refused); importing the same document again changes nothing. Realm administrators.
     */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    TenancyDocument.ImportResult importDocument(TenancyDocument document);

    /** {@link #importDocument} of a document written in YAML. */
    @POST
    @Path("import")
    @Consumes("application/yaml")
    @Produces(MediaType.APPLICATION_JSON)
    TenancyDocument.ImportResult importYaml(String yaml);

    /**
     * May a user do a permission at a scope? Answers with the decision, denials included (a denial is no error).
     * The caller may ask for themselves; for another user, when they may list the members of every scope named.
     */
    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Decision check(CheckRequest request);
}
