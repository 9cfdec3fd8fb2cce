package dev.arbor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docker/ cannot be run here (no Docker engine), so it is held to what is: its Keycloak options are those the
 * cluster tests start their nodes with.
 */
class DockerFilesTest {

    /** Options the tests need only because their nodes share one loopback host. */
    private static final Set<String> LOOPBACK_ONLY = Set.of("--http-host", "--cache-embedded-network-bind-address");

    @Test
    void theImageIsBuiltWithTheTestedBuildOptions() throws IOException {
        String build = Files.readAllLines(Path.of("docker", "Dockerfile")).stream()
                .filter(line -> line.contains("kc.sh build")).findFirst().orElseThrow();

        List<String> options = Arrays.stream(build.substring(build.indexOf("kc.sh build") + "kc.sh build".length())
                .strip().split("\\s+")).toList();

        assertThat(options).containsExactlyInAnyOrderElementsOf(ServerOptions.clusterBuild());
    }

    @Test
    void theComposeNodesStartWithTheTestedRuntimeOptions() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker", "compose.yaml").toFile());
        List<String> command = new ArrayList<>();
        compose.path("x-keycloak").path("command").forEach(option -> command.add(option.asText()));

        Set<String> tested = names(ServerOptions.clusterNode("127.0.0.1", 1, 2, 3, "http://h", "jdbc:x", "u"));
        tested.removeAll(LOOPBACK_ONLY);

        assertThat(names(command)).containsAll(tested);
        assertThat(command.subList(0, 2)).containsExactly("start", "--optimized");
        assertThat(compose.path("services").path("keycloak-b").has("command"))
                .as("both nodes share one command, so one hostname").isFalse();
    }

    private static Set<String> names(List<String> options) {
        Set<String> names = new TreeSet<>();
        options.stream().filter(option -> option.startsWith("--")).forEach(option -> names.add(option.split("=")[0]));
        return names;
    }
}
