package dev.arbor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server process tree that cannot outlive its owner. It runs under {@code watchdog.sh} in a process group of its
 * own: {@link #stop()} signals the whole group (kc.sh and the Keycloak JVM it forks), and if this JVM dies without
 * stopping it, the watchdog does. A JVM shutdown hook covers Ctrl-C and SIGTERM.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);

    private final Process group;
    private final Path log;
    private final Thread shutdownHook;

    private ServerProcess(Process group, Path log) {
        this.group = group;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "arbor-server-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code command} in {@code directory} as the leader of a new process group watched on behalf of this
     * JVM.
     *
     * @param log where the output goes; {@code null} inherits this JVM's output (the demo)
     */
    static ServerProcess start(List<String> command, Map<String, String> environment, Path directory, Path log) {
        return start(command, environment, directory, log, ProcessHandle.current().pid());
    }

    /** As {@link #start(List, Map, Path, Path)}, on behalf of the process {@code ownerPid}. */
    static ServerProcess start(List<String> command, Map<String, String> environment, Path directory, Path log,
            long ownerPid) {
        List<String> watched = new ArrayList<>(List.of(
                "setsid", "bash", watchdogScript(directory).toString(), Long.toString(ownerPid)));
        watched.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(watched).directory(directory.toFile()).redirectErrorStream(true);
        if (log == null) {
            builder.inheritIO();
        } else {
            builder.redirectOutput(log.toFile());
        }
        builder.environment().putAll(environment);
        try {
            return new ServerProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    long groupId() {
        return group.pid();
    }

    boolean isAlive() {
        return group.isAlive();
    }

    /** Blocks until the server process ends; returns its exit code. */
    int waitFor() throws InterruptedException {
        return group.waitFor();
    }

    /**
     * Polls {@code readiness} until it answers 200.
     *
     * @throws IllegalStateException when the process ends first or {@code timeout} passes; the message holds the
     *         log's tail, and the process is stopped
     */
    void awaitReady(URI readiness, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!group.isAlive()) {
                throw failure("the server exited with code " + group.exitValue() + " before it was ready");
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting for the server to be ready");
            }
            sleep(Duration.ofMillis(250));
        }
        throw failure("the server was not ready at " + readiness + " within " + timeout.toSeconds() + " s");
    }

    /** Stops the whole process group: TERM, and KILL for whatever is left after a grace period. Idempotent. */
    void stop() {
        if (!groupAlive()) {
            return;
        }
        signalGroup("-TERM");
        awaitGroupGone(GRACEFUL_STOP);
        if (groupAlive()) {
            signalGroup("-KILL");
            awaitGroupGone(Duration.ofSeconds(10));
        }
    }

    /** Kills the whole process group at once (SIGKILL), as a crash of the host would, and waits until it is gone. */
    void kill() {
        signalGroup("-KILL");
        awaitGroupGone(Duration.ofSeconds(10));
    }

    /**
     * Whether any process of the group still runs. Read from {@code /proc} rather than from the descendants of the
     * leader, because a process that daemonized has left that tree but not the group; zombies do not count.
     */
    boolean groupAlive() {
        long groupId = group.pid();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                if (isLiveMemberOf(process.resolve("stat"), groupId)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc", e);
        }
    }

    private static boolean isLiveMemberOf(Path stat, long groupId) {
        try {
            String line = Files.readString(stat);
            // pid (comm) state ppid pgrp ...; comm may hold spaces and parentheses
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return !fields[0].equals("Z") && Long.parseLong(fields[2]) == groupId;
        } catch (IOException | RuntimeException gone) {
            return false; // the process ended while we looked
        }
    }

    private void awaitGroupGone(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (groupAlive() && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(100));
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run; nothing to remove
        }
    }

    private IllegalStateException failure(String message) {
        stop();
        String tail = log == null ? "" : System.lineSeparator() + Log.tail(log, 80);
        return new IllegalStateException(message + (log == null ? "" : "; log: " + log) + tail);
    }

    private void signalGroup(String signal) {
        try {
            new ProcessBuilder("kill", signal, "--", "-" + group.pid())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal process group " + group.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path watchdogScript(Path directory) {
        Path script = directory.resolve("arbor-watchdog.sh");
        try (InputStream in = ServerProcess.class.getResourceAsStream("watchdog.sh")) {
            if (in == null) {
                throw new IllegalStateException("watchdog.sh is missing from the test classpath");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + script, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
