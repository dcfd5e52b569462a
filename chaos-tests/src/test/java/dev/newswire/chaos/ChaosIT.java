package dev.newswire.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.stack.ManagedProcess;
import dev.newswire.stack.Ports;
import dev.newswire.stack.Posix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The short form of the fault suite, {@code ./newswire chaos} as a user runs it (the CLI jar in its own JVM) on
 * a checkout of its own (a temporary root with the built service jars) and free ports: a few hundred real pages
 * while the enrich-service and the search-service are killed, Elasticsearch is stopped for 30 s and Kafka is
 * restarted; then every kind of poison, each with a canary behind it.
 */
class ChaosIT {

    static final Path REPO = Path.of(System.getProperty("newswire.root", "..")).toAbsolutePath().normalize();
    static final Path SHARED = Path.of(System.getProperty("newswire.shared.dir", REPO.resolveSibling("shared").toString()))
            .toAbsolutePath().normalize();
    static final int ARTICLES = Integer.getInteger("chaos.articles", 300);
    static Path root;

    @BeforeAll
    static void checkout() throws IOException {
        root = Files.createTempDirectory("newswire-chaos-it-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String module : List.of("search-service", "enrich-service", "ingest-service")) {
            Path target = Files.createDirectories(root.resolve(module).resolve("target"));
            Files.createSymbolicLink(target.resolve(module + ".jar"), REPO.resolve(module).resolve("target/" + module + ".jar"));
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        cli(List.of("down", "--purge"));
        Posix.deleteTree(root);
    }

    @Test
    void everyAcknowledgedArticleIsIndexedOnceThroughEveryFaultAndEveryPoisonIsRefusedOrDeadLettered() throws Exception {
        assertThat(SHARED.resolve("eval/extraction-readability/pages")).as("the real pages beside the checkout").isDirectory();
        List<String> args = new ArrayList<>(List.of("chaos", "--json", "--articles", String.valueOf(ARTICLES),
                "--shared", SHARED.toString(),
                "--search-port", String.valueOf(Ports.free()), "--ingest-port", String.valueOf(Ports.free()),
                "--enrich-port", String.valueOf(Ports.free()), "--kafka-port", String.valueOf(Ports.freePair(1)),
                "--elasticsearch-port", String.valueOf(Ports.freePair(100))));
        long t0 = System.nanoTime();
        Result result = cli(args);
        System.err.printf("[chaos] %.0f s%n%s%n", (System.nanoTime() - t0) / 1e9, result.log);
        JsonNode report = new ObjectMapper().readTree(result.output);
        System.err.println("[chaos] " + report.path("summary").asText());
        report.path("failures").forEach(f -> System.err.println("[chaos] failed: " + f.asText()));

        JsonNode load = report.path("load");
        assertThat(load.path("acknowledged").asInt()).isEqualTo(ARTICLES);
        assertThat(load.path("indexedOnce").asInt()).as("acknowledged ids indexed exactly once").isEqualTo(ARTICLES);
        assertThat(report.path("faults")).hasSize(4).allSatisfy(f ->
                assertThat(f.path("recovered").asBoolean()).as(f.path("fault").asText() + ": " + f.path("detail").asText()).isTrue());
        assertThat(report.path("poisonKinds").asInt()).isGreaterThanOrEqualTo(15);
        assertThat(report.path("poisons")).allSatisfy(p -> assertThat(p.path("expected").toString())
                .as(p.path("name").asText() + ": " + p.path("reason").asText()).contains(p.path("outcome").asText()));
        assertThat(report.path("poisons")).allSatisfy(p -> assertThat(p.path("canaryInBound").asBoolean())
                .as("canary behind " + p.path("name").asText() + ": " + p.path("canarySeconds").asDouble() + " s").isTrue());
        report.path("lagAtEnd").properties().forEach(lag -> assertThat(lag.getValue().asLong()).as(lag.getKey()).isZero());
        assertThat(report.path("failures")).isEmpty();
        assertThat(result.exit).isZero();
    }

    record Result(int exit, String output, String log) {
    }

    static Result cli(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ManagedProcess.java(), "-Dnewswire.root=" + root, "-jar",
                REPO.resolve("newswire-cli/target/newswire-cli.jar").toString()));
        command.addAll(args);
        Path log = Files.createTempFile(root, "chaos", ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output, Files.readString(log));
    }
}
