package dev.arbor.login;

import dev.arbor.core.Scope;
import java.util.List;
import java.util.stream.Collectors;

/** How the login pages name a scope: its path of names, root first ("Acme \u203a Studio A"). */
final class Breadcrumb {

    private Breadcrumb() {
    }

    /** @param path the scope's ancestors and itself, root first */
    static String of(List<Scope> path) {
        return path.stream().map(Scope::name).collect(Collectors.joining(" \u203a "));
    }
}
