package dev.arbor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL on loopback for the cluster tests: Debian's {@code postgresql} binaries (which .ci/run
 * installs), a fresh data directory under {@code target/}, trust authentication for the user {@code keycloak},
 * run like Keycloak in a watched process group so it never outlives the tests. PostgreSQL refuses to run as
 * root, so as root it runs as the {@code postgres} system user.
 */
final class PostgresServer implements AutoCloseable {

    static final String DATABASE = "keycloak";
    static final String USER = "keycloak";

    private final Path bin;
    private final Path dir;
    private final int port;
    private ServerProcess process;

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** Creates a new database cluster in {@code dir} (emptied first) and starts it; skips the test without binaries. */
    static PostgresServer start(Path dir) {
        Optional<Path> bin = binaries();
        Assumptions.assumeTrue(bin.isPresent(),
                "cluster tests need PostgreSQL's binaries (apt-get install postgresql; .ci/run does)");
        long started = System.nanoTime();
        PostgresServer server = new PostgresServer(bin.get(), dir, DistributionServer.freePort());
        server.initialize();
        server.startProcess();
        server.run(List.of(server.tool("createdb"), "-h", "127.0.0.1", "-p", String.valueOf(server.port), "-U", USER,
                DATABASE));
        Log.info("PostgreSQL ready on 127.0.0.1:" + server.port + " (" + bin.get() + ") after " + Log.since(started));
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The server's version, e.g. {@code 15.14}. */
    String version() {
        return sql("show server_version").replaceFirst(" .*", "");
    }

    /** Runs {@code statement} with {@code psql}; its output, unaligned and without headers. */
    String sql(String statement) {
        try {
            Process psql = new ProcessBuilder(tool("psql"), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER,
                    "-d", DATABASE, "-At", "-v", "ON_ERROR_STOP=1", "-c", statement)
                    .redirectErrorStream(true).start();
            String output = new String(psql.getInputStream().readAllBytes()).strip();
            if (psql.waitFor() != 0) {
                throw new IllegalStateException("psql failed on " + statement + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops PostgreSQL (fast shutdown) and starts it again on the same port and data, as an operator would. */
    void restart() {
        run(asPostgres(List.of(tool("pg_ctl"), "stop", "-D", data().toString(), "-m", "fast", "-w")));
        process.close();
        startProcess();
    }

    private void initialize() {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(dir.resolve("socket"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
        run(asPostgres(List.of(tool("initdb"), "-D", data().toString(), "-A", "trust", "-U", USER, "-E", "UTF8",
                "--no-sync")));
    }

    private void startProcess() {
        process = ServerProcess.start(asPostgres(List.of(tool("postgres"), "-D", data().toString(),
                        "-p", String.valueOf(port), "-k", dir.resolve("socket").toString(),
                        "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200")),
                Map.of(), dir, dir.resolve("postgres.log"));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            if (exitCode(List.of(tool("pg_isready"), "-h", "127.0.0.1", "-p", String.valueOf(port))) == 0) {
                return;
            }
            sleep();
        }
        process.close();
        throw new IllegalStateException("PostgreSQL was not ready within a minute; log: " + dir.resolve("postgres.log")
                + System.lineSeparator() + Log.tail(dir.resolve("postgres.log"), 40));
    }

    private Path data() {
        return dir.resolve("data");
    }

    private String tool(String name) {
        return bin.resolve(name).toString();
    }

    private static List<String> asPostgres(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin}, or the directory of {@code initdb} on the PATH. */
    private static Optional<Path> binaries() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(version -> version.resolve("bin"))
                        .filter(candidate -> Files.isExecutable(candidate.resolve("postgres")))
                        .max(Comparator.comparing(candidate -> Integer.parseInt(
                                candidate.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Stream.of(System.getenv("PATH").split(":")).map(Path::of)
                .filter(candidate -> Files.isExecutable(candidate.resolve("initdb"))
                        && Files.isExecutable(candidate.resolve("postgres")))
                .findFirst();
    }

    private void run(List<String> command) {
        int exit = exitCode(command);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + exit
                    + "; see " + dir.resolve("setup.log"));
        }
    }

    private int exitCode(List<String> command) {
        try {
            Process started = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("setup.log").toFile())).start();
            if (!started.waitFor(2, TimeUnit.MINUTES)) {
                started.destroyForcibly();
                return -1;
            }
            return started.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fast shutdown (open connections are cut, as when a database host goes away), then the watched group. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            exitCode(asPostgres(List.of(tool("pg_ctl"), "stop", "-D", data().toString(), "-m", "fast", "-w")));
            process.close();
        }
    }
}
