package dev.arbor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guarantee the harness rests on: a server tree never outlives its owner, whether the owner stops it or dies.
 * A tree here is bash with a child and an orphaned grandchild (reparented to init, as daemons are), each a
 * {@code sleep} whose argument is unique to the test so that it can be found among all processes.
 */
class ServerProcessTest {

    @TempDir
    Path dir;

    private final String marker = "6" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000);
    private Process owner;

    @AfterEach
    void killLeftovers() {
        treeProcesses().forEach(ProcessHandle::destroyForcibly);
        if (owner != null) {
            owner.destroyForcibly();
        }
    }

    @Test
    void stopEndsTheWholeTreeIncludingOrphans() {
        ServerProcess server = ServerProcess.start(tree(), Map.of(), dir, dir.resolve("out.log"));
        await().atMost(Duration.ofSeconds(10)).until(() -> treeProcesses().size() == 2);

        assertThat(server.groupAlive()).isTrue();

        server.close();

        assertThat(server.groupAlive()).isFalse();
        assertThat(treeProcesses()).isEmpty();
    }

    @Test
    void theTreeEndsWhenItsOwnerIsKilled() throws IOException {
        owner = new ProcessBuilder("sleep", "600").start();
        ServerProcess server = ServerProcess.start(tree(), Map.of(), dir, dir.resolve("out.log"), owner.pid());
        await().atMost(Duration.ofSeconds(10)).until(() -> treeProcesses().size() == 2);

        assertThat(server.groupAlive()).isTrue();

        owner.destroyForcibly(); // SIGKILL: the owner runs no cleanup of its own

        await().atMost(Duration.ofSeconds(15)).until(() -> treeProcesses().isEmpty() && !server.groupAlive());
    }

    @Test
    void theTreeLivesWhileItsOwnerDoes() throws IOException {
        owner = new ProcessBuilder("sleep", "600").start();
        ServerProcess server = ServerProcess.start(tree(), Map.of(), dir, dir.resolve("out.log"), owner.pid());
        await().atMost(Duration.ofSeconds(10)).until(() -> treeProcesses().size() == 2);

        // longer than the watchdog's one-second poll
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);

        assertThat(server.groupAlive()).isTrue();
        assertThat(treeProcesses()).hasSize(2);
        server.close();
    }

    private List<String> tree() {
        return List.of("bash", "-c", "( sleep " + marker + " & ) ; sleep " + marker + " ; true");
    }

    /** The tree's sleeps that still run (a zombie has ended; whether anyone reaps it is not our concern). */
    private List<ProcessHandle> treeProcesses() {
        return ProcessHandle.allProcesses()
                .filter(ServerProcessTest::notZombie)
                .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> a.length == 1 && a[0].equals(marker)).orElse(false))
                .toList();
    }

    private static boolean notZombie(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return false;
        }
    }
}
