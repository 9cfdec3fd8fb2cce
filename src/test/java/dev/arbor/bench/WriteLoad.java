package dev.arbor.bench;

import dev.arbor.testing.Json;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tenants at work while the tokens are measured: a steady stream of tenancy changes through the API, in the
 * benchmark's realm, as a busy SaaS realm sees them all day. Each change is one of: a viewer granted to a user at a
 * scope, a grant of this stream taken back, a scope renamed, an invitation sent and accepted by its invitee
 * (both requests count as one change). Users and scopes are drawn at random over the whole tree, never the measured
 * users, so the changes touch the token path only as much as they touch the realm. Paced per writer thread, so a
 * slow answer delays the next change rather than piling them up; the rate reached is reported beside the one asked.
 */
final class WriteLoad implements AutoCloseable {

    /** What was changed, how fast, and what went wrong (nothing may). */
    record Result(double askedPerSecond, double reachedPerSecond, long grants, long revocations, long renames,
            long acceptedInvitations, long errors, String firstError) {
    }

    static final int WRITERS = 2;
    private static final int POOL = 200;
    private static final int INVITEES = 100;

    private final BenchRealm realm;
    private final double perSecond;
    private final List<String> scopeIds;
    private final List<String> userIds;
    private final List<String> invitees;
    private final ConcurrentLinkedQueue<String[]> granted = new ConcurrentLinkedQueue<>();
    private final java.util.Set<String> grantedPairs = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Invitee and scope of every invitation sent: one who is a member there already could not accept. */
    private final java.util.Set<String> invited = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicLong grants = new AtomicLong();
    private final AtomicLong revocations = new AtomicLong();
    private final AtomicLong renames = new AtomicLong();
    private final AtomicLong accepts = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;
    private long startedAt;
    private long stoppedAt;

    private WriteLoad(BenchRealm realm, double perSecond, List<String> scopeIds, List<String> userIds,
            List<String> invitees) {
        this.realm = realm;
        this.perSecond = perSecond;
        this.scopeIds = scopeIds;
        this.userIds = userIds;
        this.invitees = invitees;
    }

    /**
     * Draws the scopes and users the changes will touch, creates the invitees (users without memberships, with a
     * password and a verified address), all before the stream starts, so that preparing costs nothing while measured.
     */
    static WriteLoad prepare(BenchRealm realm, Dataset dataset, double perSecond) {
        Random random = new Random(17);
        List<String> keys = dataset.keys();
        List<String> scopeIds = new ArrayList<>();
        for (int i = 0; i < Math.min(POOL, keys.size()); i++) {
            scopeIds.add(ScaleBenchmark.scopeId(realm, keys.get(random.nextInt(keys.size()))));
        }
        List<String> userIds = new ArrayList<>();
        while (userIds.size() < Math.min(POOL, dataset.users() / 2)) {
            String username = Dataset.username(random.nextInt(dataset.users()));
            if (!username.equals(dataset.typicalUser())) {
                userIds.add(realm.userId(username));
            }
        }
        List<String> invitees = new ArrayList<>();
        StringBuilder users = new StringBuilder("[");
        for (int i = 0; i < INVITEES; i++) {
            invitees.add("invitee" + i);
            users.append(i == 0 ? "" : ",").append(BenchRealm.user("invitee" + i, true));
        }
        realm.importUsers(users.append(']').toString());
        return new WriteLoad(realm, perSecond, scopeIds, userIds, invitees);
    }

    WriteLoad start() {
        running = true;
        startedAt = System.nanoTime();
        for (int w = 0; w < WRITERS; w++) {
            Random random = new Random(100 + w);
            Thread writer = new Thread(() -> write(random), "writes-" + w);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
        return this;
    }

    private void write(Random random) {
        double interval = WRITERS / perSecond * 1e9;
        long next = System.nanoTime();
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleep(wait);
                continue;
            }
            next += (long) interval;
            try {
                change(random);
            } catch (RuntimeException e) {
                error(e.getMessage());
            }
        }
    }

    /** One change: 40 % grants, 30 % revocations (of this stream's grants), 20 % renames, 10 % invitations. */
    private void change(Random random) {
        int draw = random.nextInt(10);
        String scope = scopeIds.get(random.nextInt(scopeIds.size()));
        if (draw < 4 || draw < 7 && granted.isEmpty()) {
            String user = userIds.get(random.nextInt(userIds.size()));
            if (expect(realm.sendTenancy("PUT", "scopes/" + scope + "/members/" + user + "/roles/viewer", null), 200)) {
                grants.incrementAndGet();
                if (grantedPairs.add(scope + " " + user)) { // granted twice, it can be taken back only once
                    granted.add(new String[] {scope, user});
                }
            }
        } else if (draw < 7) {
            String[] grant = granted.poll();
            if (grant != null && expect(realm.sendTenancy("DELETE",
                    "scopes/" + grant[0] + "/members/" + grant[1] + "/roles/viewer", null), 200, 204)) {
                revocations.incrementAndGet();
            }
            if (grant != null) {
                grantedPairs.remove(grant[0] + " " + grant[1]);
            }
        } else if (draw < 9) {
            if (expect(realm.sendTenancy("PATCH", "scopes/" + scope,
                    BenchRealm.json(Map.of("name", "renamed " + random.nextInt(1_000_000)))), 200)) {
                renames.incrementAndGet();
            }
        } else {
            String invitee = invitees.get(random.nextInt(invitees.size()));
            if (invited.add(invitee + " " + scope)) {
                invite(scope, invitee);
            }
        }
    }

    private void invite(String scope, String invitee) {
        HttpResponse<String> sent = realm.sendTenancy("POST", "scopes/" + scope + "/invitations",
                BenchRealm.json(Map.of("email", invitee + "@bench.test", "roles", List.of("viewer"))));
        if (!expect(sent, 200, 201)) {
            return;
        }
        String id = Json.parse(sent.body()).path("id").asText();
        String token = realm.signIn(BenchRealm.ARBOR, invitee, null).path("access_token").asText();
        HttpResponse<String> accepted = realm.send("POST", realm.base + "/realms/" + realm.name
                + "/tenancy/me/invitations/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/accept", null, token,
                null);
        if (expect(accepted, 200)) {
            accepts.incrementAndGet();
        }
    }

    /** Stops the stream and answers what it did. */
    Result stop() {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stoppedAt = System.nanoTime();
        double seconds = (stoppedAt - startedAt) / 1e9;
        long changes = grants.get() + revocations.get() + renames.get() + accepts.get();
        return new Result(perSecond, changes / seconds, grants.get(), revocations.get(), renames.get(), accepts.get(),
                errors.get(), firstError.get());
    }

    @Override
    public void close() {
        if (running) {
            stop();
        }
    }

    private boolean expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return true;
            }
        }
        error(response.request().method() + " " + response.request().uri() + " answered " + response.statusCode()
                + ": " + response.body());
        return false;
    }

    private void error(String what) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, what);
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
