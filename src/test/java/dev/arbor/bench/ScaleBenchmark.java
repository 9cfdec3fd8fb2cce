package dev.arbor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbor.testing.BenchmarkServer;
import dev.arbor.testing.Json;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.Metrics;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code mvn -Pload}: Arbor at scale over HTTP. Starts one Keycloak with Arbor on an empty database (H2 or
 * PostgreSQL), loads {@link Dataset#full()} through the API, then measures side by side the refresh grant of a
 * client without and with the tenancy claim (a typical user and the heavy one) in a quiet realm and again while
 * tenants change things ({@link WriteLoad}), {@code /tenancy/check} against userinfo for the same token, the heavy
 * user against Keycloak's own organizations ({@link OrganizationsAnchor}), and the listing of the large scope's
 * members. Writes {@code target/benchmark/result-<database>.json} and the table for that database in
 * {@code docs/performance.md}.
 */
public final class ScaleBenchmark {

    static final String REALM = "arbor-bench";

    /** A user of the benchmark's realm who holds nothing: the baseline of the anchor comparisons. */
    static final String NOBODY = "nobody";
    /** The tree's reads and the token path's answers, each taken from the cache ({@code hit}) or not. */
    private static final String READS = "arbor_cache_reads_total";
    private static final String ANSWERS = "arbor_cache_answers_total";

    /** What to run; {@link #fromSystemProperties()} for the command, smaller ones for its IT. */
    record Settings(Dataset dataset, LoadComparison.Shape shape, int listingRepeats, double writesPerSecond) {

        static Settings fromSystemProperties() {
            String size = System.getProperty("arbor.load.dataset", "full");
            Dataset dataset = switch (size) {
                case "full" -> Dataset.full(Integer.getInteger("arbor.load.scale", 1));
                case "small" -> Dataset.small();
                default -> throw new IllegalArgumentException("arbor.load.dataset must be full or small, not " + size);
            };
            return new Settings(dataset,
                    new LoadComparison.Shape(Integer.getInteger("arbor.load.workers", 4),
                            Double.parseDouble(System.getProperty("arbor.load.warmup", "300")),
                            Double.parseDouble(System.getProperty("arbor.load.segment", "5")),
                            Integer.getInteger("arbor.load.rounds", 16),
                            Double.parseDouble(System.getProperty("arbor.load.stable", "0.05"))),
                    3, Double.parseDouble(System.getProperty("arbor.load.writes", "20")));
        }
    }

    /**
     * Everything measured; the two-node run ({@link ClusterBenchmark}) has no writes, anchor, listing or cache reads.
     * {@code profile} is empty unless Keycloak ran under Flight Recorder ({@code -Darbor.load.jfr=true}).
     */
    record Result(String server, Settings settings, List<DatasetLoader.Step> dataset,
            List<LoadComparison.Result> comparisons, WriteLoad.Result writes, DatasetLoader.Step organizations,
            Listing listing, JsonNode cacheReads, List<SampleShare.Share> profile) {

        Result withProfile(List<SampleShare.Share> shares) {
            return new Result(server, settings, dataset, comparisons, writes, organizations, listing, cacheReads,
                    shares);
        }
    }

    /**
     * Listing every member of the large scope, page by page following each page's cursor, as the realm
     * administrator.
     *
     * @param seconds per listing: the first (cold), then the warm ones
     * @param firstPagesMillis the first listing's pages, each from request to parsed answer: a one-time cost shows
     *     on its first page, a slow host or database on all of them
     * @param firstGcSeconds the server's garbage-collection pauses while the first listing ran
     */
    record Listing(int members, int pageSize, List<Double> seconds, List<Long> firstPagesMillis,
            double firstGcSeconds) {
    }

    private ScaleBenchmark() {
    }

    public static void main(String[] args) {
        Settings settings = Settings.fromSystemProperties();
        int nodes = Integer.getInteger("arbor.load.nodes", 1);
        int factor = settings.dataset().fullFactor();
        String scaled = factor > 1 ? "-" + factor + "x" : "";
        boolean controls = Boolean.getBoolean("arbor.load.controls");
        if (nodes == 2 && controls) {
            throw new IllegalArgumentException("arbor.load.controls runs on one node");
        }
        if (nodes == 2) {
            report(BenchmarkServer.withCluster(cluster -> ClusterBenchmark.run(cluster, settings)),
                    "cluster" + scaled, settings);
            return;
        }
        if (nodes != 1) {
            throw new IllegalArgumentException("arbor.load.nodes is 1 or 2, not " + nodes);
        }
        BenchmarkServer.Database database = BenchmarkServer.Database.named(System.getProperty("arbor.load.db", "h2"));
        String name = database.name().toLowerCase(java.util.Locale.ROOT) + scaled + (controls ? "-controls" : "");
        Result result;
        java.util.Optional<Path> recording;
        try (BenchmarkServer server = BenchmarkServer.start(database)) {
            result = controls
                    ? ControlComparisons.run(server, server::masterAdminToken, server.description(), settings)
                    : run(server, server::masterAdminToken, server.description(), settings);
            recording = server.recording();
        }
        if (recording.isPresent()) { // written when Keycloak stopped
            result = result.withProfile(SampleShare.of(recording.get(), SampleShare.windows(result.comparisons()),
                    SampleShare.ARBOR));
        }
        report(result, name, settings);
    }

    /**
     * Writes {@code result-<name>.json}, prints the table and, for the full dataset (any size factor), puts it in the
     * page's {@code load:<name>} section if the page has one.
     */
    private static void report(Result result, String name, Settings settings) {
        Path out = Path.of(System.getProperty("arbor.work.dir", "target")).resolve("benchmark");
        Report report = new Report(result);
        Path file = report.write(out.resolve("result-" + name + ".json"));
        System.out.println();
        System.out.println(report.table());
        System.out.println("Result file: " + file);
        String page = System.getProperty("arbor.performance.page");
        if (page != null && settings.dataset().fullFactor() > 0) {
            System.out.println(report.updatePage(Path.of(page), name) ? "Performance page's table updated: " + page
                    : "The performance page shows no " + name + " run; left alone: " + page);
        }
    }

    static Result run(KeycloakServer server, Supplier<String> masterToken, String description, Settings settings) {
        Dataset dataset = settings.dataset();
        BenchRealm realm = new BenchRealm(server.baseUri(), REALM, masterToken);
        realm.create();
        System.out.printf("[dataset] %,d users, %,d scopes (%d roots, %d children each, %d levels), %,d memberships%n",
                dataset.users() + 1, dataset.scopes(), dataset.roots(), dataset.fanOut(), dataset.depth(),
                dataset.memberships());
        List<DatasetLoader.Step> steps = new DatasetLoader(realm, dataset).load();

        LoadComparison load = new LoadComparison(realm.http, settings.shape());
        List<LoadComparison.Result> comparisons = new ArrayList<>();
        double hitsBefore = Metrics.value(server, READS, "hit");
        double missesBefore = Metrics.value(server, READS, "miss");
        double answersKeptBefore = Metrics.value(server, ANSWERS, "hit");
        double answersDecidedBefore = Metrics.value(server, ANSWERS, "miss");
        comparisons.add(refreshes(realm, load, "refresh grant, typical user", dataset.typicalUser(),
                dataset.typicalScope()));
        comparisons.add(refreshes(realm, load, "refresh grant, heavy user (" + dataset.heavy() + " memberships)",
                Dataset.HEAVY_USER, dataset.heavyScope()));
        comparisons.add(check(realm, load, dataset));
        JsonNode cache = Json.parse(BenchRealm.json(java.util.Map.of(
                "hits", Metrics.value(server, READS, "hit") - hitsBefore,
                "misses", Metrics.value(server, READS, "miss") - missesBefore,
                "answersKept", Metrics.value(server, ANSWERS, "hit") - answersKeptBefore,
                "answersDecided", Metrics.value(server, ANSWERS, "miss") - answersDecidedBefore)));
        Listing listing = listing(server, realm, dataset, settings.listingRepeats()); // before the writes add members to it

        WriteLoad.Result writes;
        try (WriteLoad changes = WriteLoad.prepare(realm, dataset, settings.writesPerSecond()).start()) {
            String busy = ", while tenants make " + Report.rate(settings.writesPerSecond()) + " changes/s";
            comparisons.add(refreshes(realm, load, "refresh grant, typical user" + busy, dataset.typicalUser(),
                    dataset.typicalScope()));
            comparisons.add(refreshes(realm, load, "refresh grant, heavy user" + busy, Dataset.HEAVY_USER,
                    dataset.heavyScope()));
            writes = changes.stop();
        }
        if (writes.errors() > 0) {
            throw new IllegalStateException(writes.errors() + " changes failed; first: " + writes.firstError());
        }

        realm.importUsers("[" + BenchRealm.user(NOBODY, true) + "]");
        comparisons.add(heavyAgainstNobody(realm, load, dataset));
        OrganizationsAnchor organizations = new OrganizationsAnchor(server.baseUri(), masterToken);
        DatasetLoader.Step madeOrganizations = organizations.create(dataset.heavy());
        try {
            comparisons.add(organizations.compare(load, dataset.heavy()));
        } finally {
            organizations.remove();
        }
        return new Result(description, settings, steps, comparisons, writes, madeOrganizations, listing, cache,
                List.of());
    }

    /** The anchor's question asked of Arbor: the heavy user with the claim against a user who holds nothing. */
    private static LoadComparison.Result heavyAgainstNobody(BenchRealm realm, LoadComparison load, Dataset dataset) {
        JsonNode nobody = realm.signIn(BenchRealm.PLAIN, NOBODY, null);
        JsonNode heavy = realm.signIn(BenchRealm.ARBOR, Dataset.HEAVY_USER, dataset.heavyScope());
        requireClaim(heavy, true, "the heavy user");
        return load.run("Arbor: refresh grant, user with " + dataset.heavy() + " memberships acting in one scope vs"
                        + " user with none", "user with no membership", refresh(realm, BenchRealm.PLAIN, nobody),
                "user with " + dataset.heavy() + " memberships", refresh(realm, BenchRealm.ARBOR, heavy));
    }

    /** Both clients sign the user in (acting in {@code scopeKey}), then refresh their own refresh token in a loop. */
    private static LoadComparison.Result refreshes(BenchRealm realm, LoadComparison load, String name, String user,
            String scopeKey) {
        JsonNode plain = realm.signIn(BenchRealm.PLAIN, user, scopeKey);
        JsonNode arbor = realm.signIn(BenchRealm.ARBOR, user, scopeKey);
        requireClaim(plain, false, name);
        requireClaim(arbor, true, name);
        return load.run(name, "without Arbor's claim", refresh(realm, BenchRealm.PLAIN, plain),
                "with Arbor's claim", refresh(realm, BenchRealm.ARBOR, arbor));
    }

    static Supplier<HttpRequest> refresh(BenchRealm realm, String client, JsonNode tokens) {
        return refresh(List.of(realm.tokenEndpoint()), client, tokens);
    }

    /** The refresh request, sent to each of {@code endpoints} in turn (the nodes of a cluster). */
    static Supplier<HttpRequest> refresh(List<URI> endpoints, String client, JsonNode tokens) {
        String form = "grant_type=refresh_token&client_id=" + client + "&refresh_token="
                + URLEncoder.encode(tokens.path("refresh_token").asText(), StandardCharsets.UTF_8);
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        return () -> HttpRequest.newBuilder(endpoints.get((int) (sent.getAndIncrement() % endpoints.size())))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    /** The same access token (of the client that uses tenancy, as the API requires) against userinfo and the check. */
    private static LoadComparison.Result check(BenchRealm realm, LoadComparison load, Dataset dataset) {
        String scopeId = scopeId(realm, dataset.typicalScope());
        String token = realm.signIn(BenchRealm.ARBOR, dataset.typicalUser(), dataset.typicalScope())
                .path("access_token").asText();
        URI userinfo = URI.create(realm.base + "/realms/" + REALM + "/protocol/openid-connect/userinfo");
        URI check = URI.create(realm.base + "/realms/" + REALM + "/tenancy/check");
        String body = "{\"scopeId\": \"" + scopeId + "\", \"permission\": \"app:docs:view\"}";
        String answer = realm.send("POST", check.toString(), body, token, "application/json").body();
        if (!Json.parse(answer).path("allowed").asBoolean()) {
            throw new IllegalStateException("the check the benchmark repeats is not allowed: " + answer);
        }
        return load.run("POST /tenancy/check vs GET userinfo, typical user", "GET userinfo",
                () -> HttpRequest.newBuilder(userinfo).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token).GET().build(),
                "POST /tenancy/check",
                () -> HttpRequest.newBuilder(check).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Lists the scope's members by following each page's {@code next}, {@code repeats} times: the first listing is
     * the first this server makes of them (cold), the others are warm.
     */
    private static Listing listing(KeycloakServer server, BenchRealm realm, Dataset dataset, int repeats) {
        String scopeId = scopeId(realm, dataset.listedScope());
        int pageSize = 1000;
        List<Double> seconds = new ArrayList<>();
        List<Long> firstPagesMillis = new ArrayList<>();
        double gcBefore = gcPauseSeconds(server);
        double firstGcSeconds = 0;
        int members = 0;
        for (int repeat = 0; repeat < repeats; repeat++) {
            long started = System.nanoTime();
            members = 0;
            String query = "?max=" + pageSize;
            for (int pages = 0; query != null; pages++) {
                if (pages > dataset.listed() / pageSize + 1) {
                    throw new IllegalStateException("the listing did not end after " + pages + " pages");
                }
                long pageStarted = System.nanoTime();
                JsonNode page = Json.parse(realm.tenancy("GET", "scopes/" + scopeId + "/members" + query, null, 200));
                if (repeat == 0) {
                    firstPagesMillis.add((System.nanoTime() - pageStarted) / 1_000_000);
                }
                members += page.path("members").size();
                query = page.hasNonNull("next") ? "?max=" + pageSize + "&after=" + page.path("next").asText() : null;
            }
            seconds.add((System.nanoTime() - started) / 1e9);
            if (repeat == 0) {
                firstGcSeconds = gcPauseSeconds(server) - gcBefore;
            }
            System.out.printf("[listing] %,d members of %s in pages of %d by cursor, %s: %.3f s%s%n", members,
                    dataset.listedScope(), pageSize, repeat == 0 ? "first (cold)" : "warm",
                    seconds.get(seconds.size() - 1), repeat == 0 ? String.format(
                            "; pages (ms) %s; server GC pauses %.3f s", firstPagesMillis, firstGcSeconds) : "");
        }
        if (members != dataset.listed()) {
            throw new IllegalStateException("listed " + members + " members, expected " + dataset.listed());
        }
        return new Listing(members, pageSize, seconds, firstPagesMillis, firstGcSeconds);
    }

    /** The server JVM's stop-the-world pauses so far (Micrometer's {@code jvm_gc_pause_seconds}, minor and major). */
    private static double gcPauseSeconds(KeycloakServer server) {
        return Metrics.value(server, "jvm_gc_pause_seconds_sum", "end of minor GC")
                + Metrics.value(server, "jvm_gc_pause_seconds_sum", "end of major GC");
    }

    static String scopeId(BenchRealm realm, String key) {
        JsonNode found = Json.parse(realm.tenancy("GET", "scopes?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8),
                null, 200));
        if (found.isEmpty()) {
            throw new IllegalStateException("no scope with key " + key);
        }
        return found.get(0).path("id").asText();
    }

    static void requireClaim(JsonNode tokens, boolean present, String name) {
        JsonNode claim = BenchRealm.claims(tokens.path("access_token").asText()).path("tenancy");
        if (claim.isMissingNode() == present || present && claim.path("permissions").isEmpty()) {
            throw new IllegalStateException(name + ": the token " + (present ? "lacks" : "has") + " the tenancy claim");
        }
    }
}
