package dev.arbor.rest;

import dev.arbor.core.InvalidSchemaException;
import dev.arbor.core.SchemaCompatibility;
import dev.arbor.core.SchemaReader;
import dev.arbor.core.TenancySchema;
import dev.arbor.rest.Representations.SchemaInfo;
import dev.arbor.rest.Representations.SchemaProblem;
import dev.arbor.rest.Representations.Validation;
import dev.arbor.store.StoredSchema;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import org.keycloak.events.admin.OperationType;
import org.keycloak.representations.idm.ErrorRepresentation;

/** {@code /tenancy/schema}: the realm's tenancy schema, read by anyone of the realm, written by realm admins. */
public final class SchemaResource {

    private final TenancyRequest request;

    SchemaResource(TenancyRequest request) {
        this.request = request;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SchemaInfo get() {
        StoredSchema stored = request.store.activeSchema()
                .orElseThrow(() -> ApiException.notFound("Realm " + request.realm.getName() + " has no tenancy schema"));
        return info(stored);
    }

    /** Stores a new revision; JSON or YAML ({@code Content-Type: application/yaml}). */
    @PUT
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "text/yaml", "application/x-yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    public SchemaInfo put(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        request.requireRealmAdmin();
        Object document = Bodies.document(body, isYaml(contentType));
        TenancySchema schema = read(document);
        String json = Bodies.json(document);
        var active = request.store.activeSchema();
        if (active.isPresent() && active.get().document().equals(json)) {
            return info(active.get()); // the same document again: nothing to store
        }
        List<String> conflicts = SchemaCompatibility.problems(schema, request.store.allScopes(),
                request.store.allMemberships());
        if (!conflicts.isEmpty()) {
            throw ApiException.conflict("The realm's existing scopes and memberships do not fit this schema", conflicts);
        }
        StoredSchema stored;
        try {
            stored = request.store.saveSchema(schema.id(), schema.version(), json, request.principal.userId());
        } catch (dev.arbor.store.ConflictException e) {
            throw ApiException.conflict(e.getMessage(), List.of());
        }
        SchemaInfo info = info(stored);
        request.audit(OperationType.UPDATE, new SchemaInfo(info.revision(), info.id(), info.version(),
                info.createdAt(), info.createdBy(), null), "tenancy", "schema");
        return info;
    }

    /** Checks a document without storing it: problems in it, and existing data it would not fit. */
    @POST
    @Path("validate")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "text/yaml", "application/x-yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    public Validation validate(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        request.requireRealmAdmin();
        Object document = Bodies.document(body, isYaml(contentType));
        try {
            TenancySchema schema = SchemaReader.read(document);
            List<String> conflicts = SchemaCompatibility.problems(schema, request.store.allScopes(),
                    request.store.allMemberships());
            return new Validation(conflicts.isEmpty(), List.of(), conflicts);
        } catch (InvalidSchemaException e) {
            return new Validation(false, e.problems().stream()
                    .map(problem -> new SchemaProblem(problem.path(), problem.message())).toList(), List.of());
        }
    }

    static TenancySchema read(Object document) {
        try {
            return SchemaReader.read(document);
        } catch (InvalidSchemaException e) {
            List<ErrorRepresentation> problems = e.problems().stream().map(problem -> {
                ErrorRepresentation error = new ErrorRepresentation();
                error.setField(problem.path());
                error.setErrorMessage(problem.message());
                return error;
            }).toList();
            throw ApiException.badRequest("The schema is invalid: " + e.problems().size() + " problem(s)", problems);
        }
    }

    static boolean isYaml(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("yaml");
    }

    private static SchemaInfo info(StoredSchema stored) {
        return new SchemaInfo(stored.revision(), stored.schemaId(), stored.schemaVersion(), stored.createdAt(),
                stored.createdBy(), Bodies.document(stored.document(), false));
    }
}
