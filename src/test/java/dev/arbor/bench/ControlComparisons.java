package dev.arbor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.KeycloakServer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code mvn -Pload -Darbor.load.controls=true}: what the quiet realm's two claim comparisons can and cannot tell,
 * on the same dataset. Each comparison's interval is a bootstrap over its own rounds and cannot see what stays the
 * same through one comparison (its sessions, the JIT's state, the host's) and changes between comparisons; these
 * comparisons measure that. In order: the typical and the heavy user without and with the claim, as in the run,
 * then both again in reverse order (does a pair's ratio hold within the run?); the heavy user with the claim on
 * both sides, two sessions (a comparison of two equal sides: how far from 1 it lands is the method's own error);
 * and the typical user against the heavy one, once both with the claim and once both without (does the heavy
 * user's claim cost more than the typical user's?). Nothing else of the run: no writes, listing or anchor.
 */
final class ControlComparisons {

    private ControlComparisons() {
    }

    static ScaleBenchmark.Result run(KeycloakServer server, Supplier<String> masterToken, String description,
            ScaleBenchmark.Settings settings) {
        Dataset dataset = settings.dataset();
        BenchRealm realm = new BenchRealm(server.baseUri(), ScaleBenchmark.REALM, masterToken);
        realm.create();
        List<DatasetLoader.Step> steps = new DatasetLoader(realm, dataset).load();
        LoadComparison load = new LoadComparison(realm.http, settings.shape());
        Side typicalPlain = new Side(BenchRealm.PLAIN, dataset.typicalUser(), dataset.typicalScope());
        Side typicalClaim = new Side(BenchRealm.ARBOR, dataset.typicalUser(), dataset.typicalScope());
        Side heavyPlain = new Side(BenchRealm.PLAIN, Dataset.HEAVY_USER, dataset.heavyScope());
        Side heavyClaim = new Side(BenchRealm.ARBOR, Dataset.HEAVY_USER, dataset.heavyScope());
        String typical = "typical user";
        String heavy = "heavy user (" + dataset.heavy() + " memberships)";
        List<LoadComparison.Result> comparisons = new ArrayList<>();
        comparisons.add(compare(realm, load, "refresh grant, " + typical, typicalPlain, typicalClaim));
        comparisons.add(compare(realm, load, "refresh grant, " + heavy, heavyPlain, heavyClaim));
        comparisons.add(compare(realm, load, "refresh grant, " + heavy + ", again", heavyPlain, heavyClaim));
        comparisons.add(compare(realm, load, "refresh grant, " + typical + ", again", typicalPlain, typicalClaim));
        comparisons.add(compare(realm, load, "control: refresh grant, " + heavy + " with Arbor's claim on both sides"
                + " (two sessions)", heavyClaim, heavyClaim));
        comparisons.add(compare(realm, load, "control: refresh grant with Arbor's claim, " + typical + " vs " + heavy,
                typicalClaim, heavyClaim));
        comparisons.add(compare(realm, load, "control: refresh grant without Arbor's claim, " + typical + " vs "
                + heavy, typicalPlain, heavyPlain));
        return new ScaleBenchmark.Result(description + "; control comparisons", settings, steps, comparisons, null,
                null, null, null, List.of());
    }

    /** A client, a user and the scope the user acts in: one side of a comparison. */
    private record Side(String client, String user, String scopeKey) {

        String label() {
            return user + " " + (BenchRealm.ARBOR.equals(client) ? "with" : "without") + " Arbor's claim";
        }
    }

    /** Each side signs in for itself (two sides alike still get a session each), then refreshes in a loop. */
    private static LoadComparison.Result compare(BenchRealm realm, LoadComparison load, String name, Side baseline,
            Side compared) {
        JsonNode baselineTokens = signIn(realm, baseline, name);
        JsonNode comparedTokens = signIn(realm, compared, name);
        String baselineLabel = baseline.label();
        String comparedLabel = compared.equals(baseline) ? baselineLabel + ", second session" : compared.label();
        return load.run(name, baselineLabel, ScaleBenchmark.refresh(realm, baseline.client(), baselineTokens),
                comparedLabel, ScaleBenchmark.refresh(realm, compared.client(), comparedTokens));
    }

    private static JsonNode signIn(BenchRealm realm, Side side, String name) {
        JsonNode tokens = realm.signIn(side.client(), side.user(), side.scopeKey());
        ScaleBenchmark.requireClaim(tokens, BenchRealm.ARBOR.equals(side.client()), name);
        return tokens;
    }
}
