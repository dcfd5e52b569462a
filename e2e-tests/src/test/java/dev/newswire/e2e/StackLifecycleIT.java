package dev.newswire.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.stack.ManagedProcess;
import dev.newswire.stack.Ports;
import dev.newswire.stack.Posix;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./newswire up | status | down} as a user runs them: the CLI jar in its own JVM, on a checkout
 * of its own (a temporary root with the built service jars), on free ports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackLifecycleIT {

    static final Path REPO = Path.of(System.getProperty("newswire.root", "..")).toAbsolutePath().normalize();
    static Path root;
    static List<String> ports;
    static int searchPort;

    @BeforeAll
    static void checkout() throws IOException {
        root = Files.createTempDirectory("newswire-stack-it-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String module : List.of("search-service", "enrich-service", "ingest-service")) {
            Path target = Files.createDirectories(root.resolve(module).resolve("target"));
            Files.createSymbolicLink(target.resolve(module + ".jar"), REPO.resolve(module).resolve("target/" + module + ".jar"));
        }
        int kafka = Ports.freePair(1);
        int elasticsearch = Ports.freePair(100);
        searchPort = Ports.free();
        ports = List.of("--search-port", String.valueOf(searchPort), "--ingest-port", String.valueOf(Ports.free()),
                "--enrich-port", String.valueOf(Ports.free()), "--kafka-port", String.valueOf(kafka),
                "--elasticsearch-port", String.valueOf(elasticsearch));
    }

    @AfterAll
    static void stopWhatIsLeftAndCleanUp() throws Exception {
        cli("down", "--purge");
        Posix.deleteTree(root);
    }

    @Test
    @Order(1)
    void upStartsEverythingHealthyAndStatusSaysSo() throws Exception {
        List<String> up = new ArrayList<>(List.of("up", "--no-sample"));
        up.addAll(ports);
        long t0 = System.nanoTime();
        Result result = cli(up.toArray(String[]::new));
        System.err.printf("[stack] first up: %.1f s%n%s%n", (System.nanoTime() - t0) / 1e9, result.output);
        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output).contains("Newswire is up", "http://localhost:" + searchPort);
        assertThat(Files.getPosixFilePermissions(root.resolve(".newswire/api-key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Result status = cli("status", "--json");
        assertThat(status.exit).as(status.output).isZero();
        JsonNode json = new ObjectMapper().readTree(status.output);
        assertThat(json.path("parts")).hasSize(5).allSatisfy(p -> assertThat(p.path("healthy").asBoolean()).isTrue());
        assertThat(json.path("indexedDocuments").asLong()).isZero();
    }

    @Test
    @Order(2)
    void secondUpFindsEverythingRunning() throws Exception {
        Result again = cli("up", "--no-sample");
        assertThat(again.exit).as(again.output).isZero();
        assertThat(again.output).contains("already running").doesNotContain("started in");
    }

    @Test
    @Order(3)
    void downLeavesNoProcessBehindAndStatusFails() throws Exception {
        List<Long> pids = new ArrayList<>();
        try (var files = Files.list(root.resolve(".newswire/run"))) {
            for (Path pidFile : files.toList()) {
                pids.add(Long.parseLong(Files.readString(pidFile).strip().split("\\s+")[0]));
            }
        }
        assertThat(pids).hasSize(5);
        List<ProcessHandle> all = new ArrayList<>();
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(h -> {
            all.add(h);
            all.addAll(h.descendants().toList());
        }));

        Result down = cli("down");
        assertThat(down.exit).as(down.output).isZero();
        assertThat(all).noneMatch(ProcessHandle::isAlive);
        assertThat(cli("status").exit).isNotZero();
        assertThat(cli("down").output).contains("Nothing was running");
    }

    @Test
    @Order(4)
    void upAfterDownIsQuickAndAPortInUseIsNamed() throws Exception {
        long t0 = System.nanoTime();
        Result up = cli("up", "--no-sample");
        System.err.printf("[stack] up after down: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(up.exit).as(up.output).isZero();
        cli("down");

        try (ServerSocket taken = new ServerSocket(searchPort, 1, InetAddress.getLoopbackAddress())) {
            Result blocked = cli("up", "--no-sample");
            assertThat(blocked.exit).isNotZero();
            assertThat(blocked.output).contains("port " + searchPort, "search-service", "already in use");
        }
    }

    record Result(int exit, String output) {
    }

    static Result cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ManagedProcess.java(),
                "-Dnewswire.root=" + root, "-jar", REPO.resolve("newswire-cli/target/newswire-cli.jar").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
