package dev.arbor.rest;

import java.util.List;
import java.util.Map;

/** The JSON bodies the API reads, strictly (see {@link Bodies}); what it answers is the service's {@code Views}. */
final class Representations {

    private Representations() {
    }

    record CreateScope(String type, String name, String parentId, String key, Map<String, Object> attributes) {
    }

    record UpdateScope(String name, Map<String, Object> attributes) {
    }

    record OptionsChange(List<String> options) {
    }

    /** One scope ({@code scopeId}) or several ({@code scopeIds}), not both. */
    record CheckRequest(String userId, String scopeId, List<String> scopeIds, String permission,
            Boolean resourceOwner) {
    }

    record InviteRequest(String email, List<String> roles, Long expiresIn) {
    }
}
