package dev.arbor.rest;

import dev.arbor.service.Views.SchemaInfo;
import dev.arbor.service.Views.Validation;
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
import java.util.Locale;

/** {@code /tenancy/schema}: the realm's tenancy schema, read by anyone of the realm, written by realm admins. */
public final class SchemaResource {

    private final TenancyRequest request;

    SchemaResource(TenancyRequest request) {
        this.request = request;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SchemaInfo get() {
        return request.tenancy.schema();
    }

    /** Stores a new revision; JSON or YAML ({@code Content-Type: application/yaml}). */
    @PUT
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "text/yaml", "application/x-yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    public SchemaInfo put(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        return request.tenancy.putSchema(request.actor, () -> Bodies.document(body, isYaml(contentType)));
    }

    /** Checks a document without storing it: problems in it, and existing data it would not fit. */
    @POST
    @Path("validate")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "text/yaml", "application/x-yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    public Validation validate(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        return request.tenancy.validateSchema(request.actor, () -> Bodies.document(body, isYaml(contentType)));
    }

    static boolean isYaml(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("yaml");
    }
}
