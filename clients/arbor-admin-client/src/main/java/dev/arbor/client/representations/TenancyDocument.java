package dev.arbor.client.representations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A realm's tenancy as one document, for export and import between realms and environments: its schema, its
 * tree of scopes (by key) and its memberships (users by username). What is null is left out when sent.
 *
 * @param arbor the document format's version, 1
 * @param schema the schema document as JSON values; optional on import (the schema in force is used)
 * @param members scopes named by key, or by id for scopes that exist already
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenancyDocument(Integer arbor, Object schema, List<ScopeNode> scopes, List<MemberEntry> members) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScopeNode(String key, String type, String name, Map<String, Object> attributes,
            List<ScopeNode> children) {
    }

    /** @param options null for the roles' default options */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberEntry(String user, String scope, List<String> roles, List<String> options) {
    }

    /** @param unchanged whether the realm held everything the document describes already */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportResult(int schemaRevision, int scopesCreated, int scopesUpdated, int rolesGranted,
            int optionsSet, boolean unchanged) {
    }
}
