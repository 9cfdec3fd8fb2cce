package dev.arbor.store;

import dev.arbor.core.Membership;
import dev.arbor.core.Scope;
import dev.arbor.store.jpa.ArborMembershipEntity;
import dev.arbor.store.jpa.ArborScopeEntity;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns rows into the core's values; the only place that knows both. */
final class Rows {

    private Rows() {
    }

    static Scope scope(ArborScopeEntity row) {
        List<String> ancestors = row.ancestry.isEmpty() ? List.of()
                : Arrays.asList(row.ancestry.substring(0, row.ancestry.length() - 1).split("/"));
        return new Scope(row.id, row.type, row.name, ancestors, JsonText.readObject(row.attributes));
    }

    static Membership membership(ArborMembershipEntity row, Set<String> roles) {
        return new Membership(row.userId, row.scopeId, roles, options(row.options));
    }

    static Set<String> options(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(text.trim().split(" ")));
    }

    static String options(Set<String> options) {
        return options.isEmpty() ? null : String.join(" ", new java.util.TreeSet<>(options));
    }

    /** The ancestry column of a child of {@code parent}. */
    static String ancestryBelow(ArborScopeEntity parent) {
        return parent.ancestry + parent.id + "/";
    }
}
