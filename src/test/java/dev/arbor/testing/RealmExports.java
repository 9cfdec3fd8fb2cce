package dev.arbor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The realm files under {@code realm-export/}: what the demo imports and {@code RealmExportIT} proves. */
public final class RealmExports {

    private RealmExports() {
    }

    /** The demo's realm directory, as Maven passes it ({@code arbor.realm.dir}). */
    public static Path directory() {
        String dir = System.getProperty("arbor.realm.dir");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("System property arbor.realm.dir is not set; run through Maven");
        }
        return Path.of(dir);
    }

    /** Every {@code *.json} realm file in {@code dir}, sorted by name. */
    public static List<Path> files(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> json = Files.newDirectoryStream(dir, "*.json")) {
            json.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        files.sort(null);
        return files;
    }

    public static JsonNode read(Path file) {
        try {
            return Json.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The users of a realm file that have a plain-text demo password, in file order. */
    public static List<TestUser> demoLogins(JsonNode realm) {
        List<TestUser> logins = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            for (JsonNode credential : user.path("credentials")) {
                if ("password".equals(credential.path("type").asText()) && credential.hasNonNull("value")) {
                    logins.add(new TestUser(null, user.path("username").asText(), credential.path("value").asText()));
                }
            }
        }
        return logins;
    }
}
