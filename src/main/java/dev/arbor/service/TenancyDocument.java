package dev.arbor.service;

import java.util.List;
import java.util.Map;

/**
 * A realm's tenancy as one document: its schema, its tree of scopes (by key) and its memberships (users by
 * username), for export and import between realms and environments. {@code schema} is optional on import: without
 * it the schema in force is used.
 *
 * @param arbor the document format's version, 1
 */
public record TenancyDocument(Integer arbor, Object schema, List<ScopeNode> scopes, List<MemberEntry> members) {

    public record ScopeNode(String key, String type, String name, Map<String, Object> attributes,
            List<ScopeNode> children) {
    }

    public record MemberEntry(String user, String scope, List<String> roles, List<String> options) {
    }

    /** What an import did; {@code unchanged} when the realm already held everything the document describes. */
    public record ImportResult(int schemaRevision, int scopesCreated, int scopesUpdated, int rolesGranted,
            int optionsSet, boolean unchanged) {
    }
}
