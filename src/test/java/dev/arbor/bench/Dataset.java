package dev.arbor.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The tenancy the HTTP benchmark loads, decided before anything is sent so that every run loads the same data:
 * {@code roots} trees of {@code fanOut} children per scope down to {@code depth} levels (types l1..l5 of
 * bench-schema.yaml), {@code users} users, and exactly {@code memberships} memberships: the first root has
 * {@code listed} viewers (the scope whose members the benchmark lists), one heavy user holds {@code heavy}
 * memberships at scopes spread over the whole tree, and the rest are spread evenly over the other scopes, the
 * first of each scope's members its owner, the second an admin, the others viewers.
 */
record Dataset(int roots, int fanOut, int depth, int users, int memberships, int listed, int heavy) {

    static final String HEAVY_USER = "heavy";

    /** The dataset: 111,110 scopes five levels deep, 1,000,000 memberships, 18,000 listed, 1,000 heavy. */
    static Dataset full() {
        return full(1);
    }

    /**
     * The full dataset {@code factor} times over: as many more roots (trees of the same shape), users and
     * memberships; the listed scope and the heavy user stay as they are, so their figures compare across sizes.
     */
    static Dataset full(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("the size factor is at least 1, not " + factor);
        }
        return new Dataset(10 * factor, 10, 5, 20_000 * factor, 1_000_000 * factor, 18_000, 1_000);
    }

    /** The size factor {@code k} when this is {@code full(k)}; 0 for any other dataset. */
    int fullFactor() {
        int factor = roots / 10;
        return factor >= 1 && equals(full(factor)) ? factor : 0;
    }

    /** A few hundred of everything, for trying the command and for its IT. */
    static Dataset small() {
        return new Dataset(2, 3, 4, 120, 1_500, 60, 40);
    }

    Dataset {
        // a compact constructor sees its parameters, not yet the fields: count with the parameters
        int scopes = scopes(roots, fanOut, depth);
        int regular = memberships - listed - heavy;
        if (depth < 2 || depth > 5 || roots < 1 || fanOut < 1) {
            throw new IllegalArgumentException("depth 2..5, at least one root and one child per scope");
        }
        if (listed > users || heavy > scopes - 1 || regular < 0) {
            throw new IllegalArgumentException("more listed members than users, more heavy memberships than scopes,"
                    + " or fewer memberships than the listed and heavy ones");
        }
        if ((regular + scopes - 2) / (scopes - 1) > users) {
            throw new IllegalArgumentException("too few users for the memberships per scope");
        }
    }

    /** Scopes in all: roots times (1 + fanOut + ... + fanOut^(depth-1)). */
    int scopes() {
        return scopes(roots, fanOut, depth);
    }

    private static int scopes(int roots, int fanOut, int depth) {
        int perRoot = 0;
        int level = 1;
        for (int d = 0; d < depth; d++) {
            perRoot += level;
            level *= fanOut;
        }
        return roots * perRoot;
    }

    int regularMemberships() {
        return memberships - listed - heavy;
    }

    static String username(int index) {
        return String.format("u%06d", index);
    }

    /** The user whose refreshes the benchmark measures: one of many, with about memberships / users of them. */
    String typicalUser() {
        return username(users / 3);
    }

    /** The key of the first root, whose {@link #listed} viewers the benchmark lists. */
    String listedScope() {
        return "s0";
    }

    // ---- the tree ---------------------------------------------------------------------------------------------

    /** A scope: key {@code s3.7.1} is the second child of the eighth child of the fourth root. */
    record Node(String key, String type, int level, List<Node> children) {
    }

    /** The subtrees of one root's children, each as its own chain root -> child -> ... for an import document. */
    Node tree(int root, int child) {
        return new Node("s" + root, "l1", 1, List.of(subtree("s" + root + "." + child, 2)));
    }

    private Node subtree(String key, int level) {
        List<Node> children = new ArrayList<>();
        if (level < depth) {
            for (int i = 0; i < fanOut; i++) {
                children.add(subtree(key + "." + i, level + 1));
            }
        }
        return new Node(key, "l" + level, level, children);
    }

    /** Every scope key, breadth first: the roots, then their children, and so on. */
    List<String> keys() {
        List<String> keys = new ArrayList<>(scopes());
        List<String> level = new ArrayList<>();
        for (int root = 0; root < roots; root++) {
            level.add("s" + root);
        }
        while (!level.isEmpty()) {
            keys.addAll(level);
            List<String> next = new ArrayList<>();
            if (level.get(0).split("\\.").length < depth) {
                for (String parent : level) {
                    for (int i = 0; i < fanOut; i++) {
                        next.add(parent + "." + i);
                    }
                }
            }
            level = next;
        }
        return keys;
    }

    // ---- memberships ------------------------------------------------------------------------------------------

    record Member(String user, String scope, String role) {
    }

    /** Every membership, in the order they are loaded: the listed scope, the regular ones, the heavy user's. */
    void forEachMember(Consumer<Member> sink) {
        List<String> keys = keys();
        for (int i = 0; i < listed; i++) {
            sink.accept(new Member(username(i), keys.get(0), "viewer"));
        }
        int others = keys.size() - 1;
        int perScope = regularMemberships() / others;
        int extra = regularMemberships() % others;
        int stride = stride();
        for (int s = 1; s < keys.size(); s++) {
            int count = perScope + (s - 1 < extra ? 1 : 0);
            for (int k = 0; k < count; k++) {
                int user = (int) ((s * 7_919L + (long) k * stride) % users);
                sink.accept(new Member(username(user), keys.get(s), k == 0 ? "owner" : k == 1 ? "admin" : "viewer"));
            }
        }
        for (String scope : heavyScopes(keys)) {
            sink.accept(new Member(HEAVY_USER, scope, "admin"));
        }
    }

    /** Distinct scopes for the heavy user, the first of them a leaf (where it acts), the rest anywhere. */
    List<String> heavyScopes(List<String> keys) {
        Random random = new Random(42);
        Set<String> chosen = new LinkedHashSet<>();
        List<String> leaves = keys.stream().filter(key -> depthOf(key) == depth).toList();
        chosen.add(leaves.get(random.nextInt(leaves.size())));
        while (chosen.size() < heavy) {
            chosen.add(keys.get(1 + random.nextInt(keys.size() - 1)));
        }
        return new ArrayList<>(chosen);
    }

    /** Where the typical user acts: the deepest scope among its memberships, the first such in load order. */
    String typicalScope() {
        String user = typicalUser();
        String[] best = {null};
        forEachMember(member -> {
            if (member.user().equals(user) && (best[0] == null
                    || depthOf(member.scope()) > depthOf(best[0]))) {
                best[0] = member.scope();
            }
        });
        if (best[0] == null) {
            throw new IllegalStateException("the typical user " + user + " has no membership");
        }
        return best[0];
    }

    String heavyScope() {
        return heavyScopes(keys()).get(0);
    }

    static int depthOf(String key) {
        return key.split("\\.").length;
    }

    /** A step between a scope's members coprime with the number of users, so that they are distinct users. */
    private int stride() {
        int stride = users / 2 + 1;
        while (gcd(stride, users) != 1) {
            stride++;
        }
        return stride;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
