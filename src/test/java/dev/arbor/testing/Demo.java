package dev.arbor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mvn -Pdemo}: Keycloak with the freshly built Arbor jar and every realm in {@code realm-export/}
 * ({@code --import-realm}: each file carries its client scope, login flow and tenancy), on http://localhost:8080
 * until Ctrl-C. Data persists in {@code target/keycloak-demo/} until {@code mvn clean}.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws InterruptedException {
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        String host = System.getProperty("arbor.demo.host", "127.0.0.1");
        int httpPort = Integer.getInteger("arbor.demo.port", 8080);
        int managementPort = Integer.getInteger("arbor.demo.management-port", 9000);
        requireFree(host, httpPort, "arbor.demo.port");
        requireFree(host, managementPort, "arbor.demo.management-port");

        Path dir = settings.workDir().resolve("keycloak-demo");
        KeycloakDistribution distribution =
                KeycloakDistribution.unpack(settings.keycloakZip(), settings.keycloakVersion(), dir);
        distribution.installProvider(settings.providerJar());
        List<Path> realmFiles = RealmExports.files(RealmExports.directory());
        distribution.stageRealmImports(realmFiles);
        distribution.buildIfNeeded(ServerOptions.build(ServerOptions.Database.DEV_FILE), dir.resolve("build.log"));

        List<String> arguments = new ArrayList<>(ServerOptions.start(host, httpPort, managementPort));
        arguments.add("--import-realm");
        ServerProcess server = ServerProcess.start(distribution.serverCommand(arguments),
                DistributionServer.environment(), distribution.home(), null);
        server.awaitReady(URI.create("http://" + host + ":" + managementPort + "/health/ready"), Duration.ofMinutes(5));

        System.out.println(banner(settings, "http://localhost:" + httpPort, realmFiles));
        int exit = server.waitFor();
        if (exit != 0 && exit != 143) {
            throw new IllegalStateException("Keycloak exited with code " + exit);
        }
    }

    private static String banner(HarnessSettings settings, String base, List<Path> realmFiles) {
        StringBuilder text = new StringBuilder()
                .append("\n=================================================================================\n")
                .append(" Arbor demo: Keycloak ").append(settings.keycloakVersion())
                .append(" with ").append(settings.providerJar().getFileName()).append('\n')
                .append(" Admin console  ").append(base).append("/admin/   login: ")
                .append(DistributionServer.ADMIN_USERNAME).append(" / ").append(DistributionServer.ADMIN_PASSWORD)
                .append('\n');
        for (Path file : realmFiles) {
            JsonNode realm = RealmExports.read(file);
            String name = realm.path("realm").asText();
            text.append("\n Realm ").append(name).append("  (").append(file.getFileName()).append(")\n")
                    .append("   Account console  ").append(base).append("/realms/").append(name).append("/account/\n")
                    .append("   Tenant admin app ").append(base).append("/realms/").append(name).append("/tenancy/ui/\n")
                    .append("   Tenancy API      ").append(base).append("/realms/").append(name)
                    .append("/tenancy/me   (bearer token of this realm)\n");
            text.append("   Users            ").append(String.join(", ", RealmExports.demoLogins(realm).stream()
                    .map(TestUser::username).toList())).append("  (password = username)\n");
        }
        return text.append("\n Try it: see examples/tenancy.http; stop with Ctrl-C\n")
                .append("=================================================================================\n")
                .toString();
    }

    private static void requireFree(String host, int port, String property) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on " + host + " is in use; stop what uses it or"
                    + " choose another with -D" + property + "=PORT", e);
        }
    }
}
