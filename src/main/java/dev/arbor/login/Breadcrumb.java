package dev.arbor.login;

import dev.arbor.core.Scope;
import dev.arbor.core.TreeSlice;
import java.util.stream.Collectors;

/** How the login pages name a scope: its path of names, root first ("Acme › Studio A"). */
final class Breadcrumb {

    private Breadcrumb() {
    }

    static String of(TreeSlice tree, Scope scope) {
        return scope.path().stream().map(id -> tree.scope(id).map(Scope::name).orElse(id))
                .collect(Collectors.joining(" \u203a "));
    }
}
