package dev.arbor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a {@link Dataset} through the paths a platform would use: users through Keycloak's partial import, the
 * schema through {@code PUT /tenancy/schema}, the tree and the memberships through {@code POST /tenancy/import}
 * in documents under the API's 1 MB limit. Prints its progress and keeps each step's rate per batch, so that a
 * rate falling as the data grows would show.
 */
final class DatasetLoader {

    /** Users per partial import, memberships per import document (about 600 KB of JSON). */
    static final int USER_BATCH = 1_000;
    static final int MEMBER_BATCH = 10_000;

    /** One step: how many items, how long, and the rate of each batch in order. */
    record Step(String name, long items, double seconds, List<Double> batchRates) {

        double rate() {
            return items / seconds;
        }

        /** The mean batch rate of the first and of the last tenth of the batches. */
        double firstTenthRate() {
            return mean(batchRates.subList(0, Math.max(1, batchRates.size() / 10)));
        }

        double lastTenthRate() {
            return mean(batchRates.subList(batchRates.size() - Math.max(1, batchRates.size() / 10),
                    batchRates.size()));
        }

        private static double mean(List<Double> rates) {
            return rates.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }
    }

    private final BenchRealm realm;
    private final Dataset dataset;

    DatasetLoader(BenchRealm realm, Dataset dataset) {
        this.realm = realm;
        this.dataset = dataset;
    }

    List<Step> load() {
        List<Step> steps = new ArrayList<>();
        steps.add(users());
        realm.tenancy("PUT", "schema", schemaJson(), 200);
        steps.add(scopes());
        steps.add(memberships());
        return steps;
    }

    private Step users() {
        Progress progress = new Progress("users", dataset.users() + 1L);
        List<String> batch = new ArrayList<>();
        for (int i = 0; i <= dataset.users(); i++) {
            boolean heavy = i == dataset.users();
            String username = heavy ? Dataset.HEAVY_USER : Dataset.username(i);
            batch.add(BenchRealm.user(username, heavy || username.equals(dataset.typicalUser())));
            if (batch.size() == USER_BATCH || heavy) {
                realm.importUsers("[" + String.join(",", batch) + "]");
                progress.advance(batch.size());
                batch.clear();
            }
        }
        return progress.done();
    }

    /** One document per child of a root: the root (already there after the first) with that child's subtree. */
    private Step scopes() {
        Progress progress = new Progress("scopes", dataset.scopes());
        for (int root = 0; root < dataset.roots(); root++) {
            for (int child = 0; child < dataset.fanOut(); child++) {
                Dataset.Node tree = dataset.tree(root, child);
                String result = realm.tenancy("POST", "import", BenchRealm.json(Map.of("arbor", 1,
                        "scopes", List.of(node(tree)))), 200);
                progress.advance(created(result));
            }
        }
        return progress.done();
    }

    private Step memberships() {
        Progress progress = new Progress("memberships", dataset.memberships());
        List<Map<String, Object>> batch = new ArrayList<>(MEMBER_BATCH);
        dataset.forEachMember(member -> {
            batch.add(Map.of("user", member.user(), "scope", member.scope(), "roles", List.of(member.role())));
            if (batch.size() == MEMBER_BATCH) {
                progress.advance(importMembers(batch));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            progress.advance(importMembers(batch));
        }
        return progress.done();
    }

    private int importMembers(List<Map<String, Object>> batch) {
        String result = realm.tenancy("POST", "import", BenchRealm.json(Map.of("arbor", 1, "members", batch)), 200);
        return dev.arbor.testing.Json.parse(result).path("rolesGranted").asInt();
    }

    private static int created(String importResult) {
        return dev.arbor.testing.Json.parse(importResult).path("scopesCreated").asInt();
    }

    private static Map<String, Object> node(Dataset.Node node) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", node.key());
        json.put("type", node.type());
        json.put("name", "Scope " + node.key().substring(1));
        if (!node.children().isEmpty()) {
            json.put("children", node.children().stream().map(DatasetLoader::node).toList());
        }
        return json;
    }

    private static String schemaJson() {
        try (InputStream in = DatasetLoader.class.getResourceAsStream("bench-schema.yaml")) {
            return BenchRealm.json(new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Progress of one step on standard output: done of total, rate of the last batch and overall, time left. */
    private static final class Progress {

        private final String name;
        private final long total;
        private final long started = System.nanoTime();
        private final List<Double> batchRates = new ArrayList<>();
        private long done;
        private long batchStarted = started;

        Progress(String name, long total) {
            this.name = name;
            this.total = total;
        }

        void advance(long items) {
            long now = System.nanoTime();
            double batchRate = items / ((now - batchStarted) / 1e9);
            batchStarted = now;
            batchRates.add(batchRate);
            done += items;
            double seconds = (now - started) / 1e9;
            double rate = done / seconds;
            System.out.printf("[dataset] %-11s %,11d / %,d  %5.1f%%  %,8.0f/s (this batch %,8.0f/s)  %s left%n",
                    name, done, total, 100.0 * done / total, rate, batchRate,
                    Report.duration(rate == 0 ? 0 : (total - done) / rate));
        }

        Step done() {
            if (done != total) {
                throw new IllegalStateException(name + ": " + done + " loaded, " + total + " expected"
                        + " (was the realm not empty?)");
            }
            return new Step(name, done, (System.nanoTime() - started) / 1e9, List.copyOf(batchRates));
        }
    }
}
