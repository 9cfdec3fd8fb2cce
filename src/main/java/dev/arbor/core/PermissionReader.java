package dev.arbor.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the permission catalogue ({@code permissions}) and, against it, every list of permission patterns. */
final class PermissionReader {

    private static final List<String> DEFAULT_READ_ACTIONS = List.of("view", "read", "list");

    private final PermissionCatalog catalog;

    private PermissionReader(PermissionCatalog catalog) {
        this.catalog = catalog;
    }

    PermissionCatalog catalog() {
        return catalog;
    }


    static PermissionReader read(Node node) {
        node.entries(Set.of("readActions", "modules"));
        Set<String> readActions = new LinkedHashSet<>();
        Node readNode = node.get("readActions");
        if (readNode.isMissing()) {
            readActions.addAll(DEFAULT_READ_ACTIONS);
        }
        for (Node action : readNode.stringItems()) {
            String text = segment(action);
            if (text != null) {
                readActions.add(text);
            }
        }
        List<String> names = new ArrayList<>();
        Node modules = node.get("modules");
        if (modules.isMissing()) {
            modules.problem("is required");
        }
        modules.namedEntries().forEach((module, resources) -> {
            checkSegment(module, resources);
            resources.namedEntries().forEach((resource, actions) -> {
                checkSegment(resource, actions);
                Set<String> seen = new HashSet<>();
                List<Node> items = actions.stringItems();
                if (items.isEmpty()) {
                    actions.problem("must list at least one action");
                }
                for (Node action : items) {
                    String text = segment(action);
                    if (text != null && !seen.add(text)) {
                        action.problem("duplicate action " + text);
                    } else if (text != null) {
                        names.add(module + ":" + resource + ":" + text);
                    }
                }
            });
        });
        return new PermissionReader(new PermissionCatalog(names, readActions));
    }

    private static void checkSegment(String text, Node where) {
        if (!PermissionCatalog.SEGMENT.matcher(text).matches()) {
            where.problem("name '" + text + "' must be lower case letters, digits, '-', '_' or '.'");
        }
    }

    private static String segment(Node node) {
        String text = node.string();
        if (text != null && !PermissionCatalog.SEGMENT.matcher(text).matches()) {
            node.problem("'" + text + "' must be lower case letters, digits, '-', '_' or '.'");
            return null;
        }
        return text;
    }

    /** The permissions a list of patterns names; each pattern must be well formed and name at least one. */
    BitSet patterns(Node list) {
        BitSet permissions = new BitSet();
        for (Node item : list.stringItems()) {
            String pattern = item.string();
            if (pattern == null) {
                continue;
            }
            if (!PermissionCatalog.isWellFormedPattern(pattern)) {
                item.problem("'" + pattern + "' is not of the form module:resource:action (each part a name or *)");
                continue;
            }
            BitSet matches = catalog.matching(pattern);
            if (matches.isEmpty()) {
                item.problem("'" + pattern + "' matches no permission declared under permissions.modules");
            }
            permissions.or(matches);
        }
        return permissions;
    }
}
