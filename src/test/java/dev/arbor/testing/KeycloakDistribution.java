package dev.arbor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An unpacked {@code keycloak-quarkus-dist} with Arbor installed: unpacks the zip once, copies the provider jar
 * into {@code providers/}, and runs {@code kc.sh build} only when the jar or the build options differ from the
 * last successful build (a fingerprint file records them).
 */
final class KeycloakDistribution {

    private static final String UNPACKED_MARKER = ".arbor-unpacked";
    private static final String BUILD_FINGERPRINT = ".arbor-build";
    private static final String PROVIDER_FILE = "arbor-keycloak.jar";

    private final Path home;
    private final String version;

    private KeycloakDistribution(Path home, String version) {
        this.home = home;
        this.version = version;
    }

    Path home() {
        return home;
    }

    /** Unpacks {@code zip} into {@code dir}, unless a complete unpacking of the same version is already there. */
    static KeycloakDistribution unpack(Path zip, String version, Path dir) {
        Path home = dir.resolve("keycloak-" + version);
        Path marker = home.resolve(UNPACKED_MARKER);
        if (Files.isRegularFile(marker)) {
            return new KeycloakDistribution(home, version);
        }
        long started = System.nanoTime();
        deleteRecursively(home);
        try {
            Files.createDirectories(dir);
            unzip(zip, dir);
            try (DirectoryStream<Path> scripts = Files.newDirectoryStream(home.resolve("bin"), "*.sh")) {
                scripts.forEach(script -> script.toFile().setExecutable(true));
            }
            Files.writeString(marker, zip.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + dir, e);
        }
        Log.info("unpacked Keycloak " + version + " into " + home + " in " + Log.since(started));
        return new KeycloakDistribution(home, version);
    }

    /** Puts {@code jar} into {@code providers/}; a no-op when the same bytes are already there. */
    void installProvider(Path jar) {
        Path target = home.resolve("providers").resolve(PROVIDER_FILE);
        try {
            if (Files.isRegularFile(target) && Files.mismatch(jar, target) == -1) {
                return;
            }
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install " + jar + " into " + target, e);
        }
    }

    /** Copies realm files into {@code data/import/}, where {@code --import-realm} reads them. */
    void stageRealmImports(List<Path> realmFiles) {
        Path importDir = home.resolve("data").resolve("import");
        try {
            deleteRecursively(importDir);
            Files.createDirectories(importDir);
            for (Path file : realmFiles) {
                Files.copy(file, importDir.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage realm imports in " + importDir, e);
        }
    }

    /**
     * Runs {@code kc.sh build options} unless the last successful build had the same provider jar and options.
     *
     * @return true when a build ran
     * @throws IllegalStateException when the build fails; the message holds the tail of {@code log}
     */
    boolean buildIfNeeded(List<String> options, Path log) {
        Path fingerprintFile = home.resolve(BUILD_FINGERPRINT);
        String fingerprint = fingerprint(options);
        try {
            if (Files.isRegularFile(fingerprintFile) && Files.readString(fingerprintFile).equals(fingerprint)) {
                Log.info("reusing the Keycloak build in " + home + " (provider jar and build options unchanged)");
                return false;
            }
            Files.deleteIfExists(fingerprintFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fingerprintFile, e);
        }
        long started = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(options);
        int exit = runToCompletion(command, log);
        if (exit != 0) {
            throw new IllegalStateException("kc.sh build failed with exit code " + exit + "; log: " + log
                    + System.lineSeparator() + Log.tail(log, 60));
        }
        try {
            Files.writeString(fingerprintFile, fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + fingerprintFile, e);
        }
        Log.info("kc.sh build finished in " + Log.since(started));
        return true;
    }

    /** The command that starts this distribution's server with {@code arguments}. */
    List<String> serverCommand(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString()));
        command.addAll(arguments);
        return command;
    }

    private String fingerprint(List<String> options) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(version.getBytes(StandardCharsets.UTF_8));
            digest.update(String.join("\n", options).getBytes(StandardCharsets.UTF_8));
            try (DirectoryStream<Path> providers = Files.newDirectoryStream(home.resolve("providers"), "*.jar")) {
                List<Path> sorted = new ArrayList<>();
                providers.forEach(sorted::add);
                sorted.sort(Comparator.naturalOrder());
                for (Path provider : sorted) {
                    digest.update(provider.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(provider));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fingerprint " + home.resolve("providers"), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private int runToCompletion(List<String> command, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Process process = builder.start();
            try {
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("kc.sh build did not finish within 10 minutes; log: " + log);
                }
                return process.exitValue();
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running kc.sh build", e);
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("zip entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path each : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
