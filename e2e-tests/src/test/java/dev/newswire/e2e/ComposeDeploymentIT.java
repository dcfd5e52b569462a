package dev.newswire.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The operators' deployment as operators run it: {@code docker-compose -f docker-compose.yml -f
 * ops/compose/local-images.yml up -d} on the images ops/compose/build-local-images.sh built, ingest on
 * 127.0.0.1:8081 and search on 127.0.0.1:8080. Articles go in and come out through the published ports;
 * the enrich container is killed, scaled and the whole stack taken down and up again. Runs in the Maven
 * profile {@code compose} (CI: .ci/run), on a Docker engine with docker-compose; the steps build on each
 * other, in order.
 *
 * <p>docker-compose itself, not Testcontainers' compose module: these steps (kill -9, --scale, down
 * without -v) are the compose CLI's own, and its DockerComposeContainer would add helper containers that
 * must be pulled.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeDeploymentIT {

    static final Path ROOT = Path.of(System.getProperty("newswire.root", "..")).toAbsolutePath().normalize();
    static final String PROJECT = System.getProperty("newswire.compose.project", "newswire-compose-it");
    static final String INGEST = "http://127.0.0.1:8081";
    static final String SEARCH = "http://127.0.0.1:8080";
    static final String PROMETHEUS = "http://127.0.0.1:9090";
    /** Random, as the ingest-service requires (at least 32 characters, no placeholder). */
    static final String API_KEY = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    static final String SEED_URL = "https://www.kangnamtimes.com/news/articleView.html?idxno=us-china-dpct";
    static final String SEED_ID = ArticleIds.forUrl(SEED_URL);
    static final String TOPIC = "us-china-military-dialogue";
    static final Duration STACK_START = Duration.ofMinutes(8);

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Path envFile;
    /** Every article pushed so far: each must be found at the end. */
    static final Set<String> pushed = new LinkedHashSet<>();

    @BeforeAll
    static void startTheStack() throws Exception {
        envFile = Files.createTempFile("newswire-compose-it", ".env");
        Files.writeString(envFile, String.join("\n",
                "ELASTIC_PASSWORD=compose-it-elastic",
                "SEARCH_ES_PASSWORD=compose-it-search",
                "KIBANA_SYSTEM_PASSWORD=compose-it-kibana",
                "GRAFANA_ADMIN_PASSWORD=compose-it-grafana",
                "NEWSWIRE_API_KEY=" + API_KEY,
                ""));
        compose("down", "-v", "--remove-orphans");
        long started = System.nanoTime();
        compose("up", "-d");
        awaitHealthy(1);
        log("stack up and healthy in %d s", (System.nanoTime() - started) / 1_000_000_000);
    }

    @AfterAll
    static void removeTheStack() throws Exception {
        if (!Boolean.getBoolean("newswire.compose.keep")) {
            compose("down", "-v", "--remove-orphans");
        }
    }

    @Test
    @Order(1)
    void seedAndSamplesPushedThroughIngestAreFoundThroughSearch() throws Exception {
        Path samples = ROOT.resolve("samples/articles");
        try (var files = Files.list(samples)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                push(JSON.readTree(file.toFile()));
            }
        }
        Path seed = Path.of(System.getProperty("newswire.shared.dir", "../../shared"), "fixtures", "seed",
                "kangnamtimes-us-china-dpct.txt");
        ObjectNode page = JSON.createObjectNode();
        page.put("url", SEED_URL);
        page.put("content", Files.exists(seed) ? Files.readString(seed) : fallbackSeed());
        page.put("source", "kangnamtimes");
        page.put("sourceName", "Kangnam Times");
        push(page);

        awaitAllSearchable(Duration.ofMinutes(4));
        if (Files.exists(seed)) {
            assertThat(ids(search("topic=" + TOPIC + "&size=50"))).contains(SEED_ID);
            assertThat(ids(search("q=Hegseth"))).first().isEqualTo(SEED_ID);
        }
    }

    @Test
    @Order(2)
    void prometheusScrapesAllThreeServices() {
        await("Prometheus scrapes ingest, enrich and search").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    Map<String, List<String>> up = upTargets();
                    assertThat(up.keySet()).contains("ingest-service", "enrich-service", "search-service");
                });
    }

    @Test
    @Order(3)
    void enrichKilledWithSigkillIsRestartedAndCatchesUp() throws Exception {
        String container = containers("enrich-service").get(0);
        int restarts = Integer.parseInt(docker("inspect", "-f", "{{.RestartCount}}", container).strip());
        String pid = docker("inspect", "-f", "{{.State.Pid}}", container).strip();
        run(List.of("kill", "-9", pid), Duration.ofSeconds(10));
        // Pushed while enrich is down: they wait in news.raw.v1 for the restarted container.
        push(batch("killed", 10));

        await("enrich-service restarted").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Integer.parseInt(docker("inspect", "-f", "{{.RestartCount}}", container).strip()) > restarts);
        awaitHealthy(1);
        awaitAllSearchable(Duration.ofMinutes(3));
        awaitNoLag(Topics.ENRICH_GROUP);
    }

    @Test
    @Order(4)
    void scaledToThreeEnrichReplicasShareThePartitions() throws Exception {
        compose("up", "-d", "--no-recreate", "--scale", "enrich-service=3");
        awaitHealthy(3);
        await("the six partitions of news.raw.v1 spread over three members").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
                    Map<String, Integer> perMember = partitionsPerMember(Topics.ENRICH_GROUP, Topics.RAW);
                    assertThat(perMember).hasSize(3);
                    assertThat(perMember.values()).allSatisfy(n -> assertThat(n).isEqualTo(2));
                });
        await("Prometheus finds the three replicas").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(upTargets().get("enrich-service")).hasSize(3));
        push(batch("scaled", 12));
        awaitAllSearchable(Duration.ofMinutes(3));
    }

    @Test
    @Order(5)
    void downWithoutVolumesAndUpAgainKeepsEveryArticle() throws Exception {
        long before = search("size=1").path("total").asLong();
        compose("down");
        compose("up", "-d", "--scale", "enrich-service=1");
        awaitHealthy(1);
        assertThat(search("size=1").path("total").asLong()).isEqualTo(before);
        for (String id : pushed) {
            assertThat(articleStatus(id)).as("article " + id).isEqualTo(200);
        }
        // Kafka kept its topics, partitions and records in its volume: news.enriched.v1 still holds them all.
        assertThat(partitionCount(Topics.ENRICHED)).isEqualTo(6);
        push(batch("after-restart", 3));
        awaitAllSearchable(Duration.ofMinutes(3));
    }

    // --- the stack ---

    static String compose(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose", "--ansi", "never", "-p", PROJECT,
                "--env-file", envFile.toString(), "-f", "docker-compose.yml", "-f", "ops/compose/local-images.yml"));
        command.addAll(Arrays.asList(args));
        return run(command, Duration.ofMinutes(10));
    }

    static String docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(Arrays.asList(args));
        return run(command, Duration.ofMinutes(2));
    }

    static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        // Interpolation must see only the env file: no COMPOSE_PROFILES or secrets from this environment.
        builder.environment().keySet().removeIf(k -> k.startsWith("COMPOSE_") || k.startsWith("NEWSWIRE_"));
        long started = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " timed out");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (command.get(0).equals("docker-compose") && !List.of("ps", "exec").contains(command.get(11))) {
            log("%s: %d s", String.join(" ", command.subList(11, command.size())), (System.nanoTime() - started) / 1_000_000_000);
        }
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + text).isZero();
        return text;
    }

    static List<String> containers(String service) throws IOException, InterruptedException {
        return compose("ps", "-q", service).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Waits until the three services answer healthy, with this many enrich replicas. */
    static void awaitHealthy(int enrichReplicas) {
        await("the services healthy").atMost(STACK_START).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(status(INGEST + "/actuator/health")).as("ingest-service").isEqualTo(200);
            assertThat(status(SEARCH + "/health")).as("search-service").isEqualTo(200);
            List<String> enrich = containers("enrich-service");
            assertThat(enrich).hasSize(enrichReplicas);
            for (String id : enrich) {
                assertThat(docker("inspect", "-f", "{{.State.Health.Status}}", id).strip()).as("enrich " + id)
                        .isEqualTo("healthy");
            }
        });
    }

    /** Members of a consumer group and how many partitions of a topic each holds (Kafka's own tool). */
    static Map<String, Integer> partitionsPerMember(String group, String topic) throws Exception {
        String out = compose("exec", "-T", "kafka", "/opt/kafka/bin/kafka-consumer-groups.sh", "--bootstrap-server",
                "localhost:9092", "--describe", "--group", group, "--members", "--verbose");
        Map<String, Integer> perMember = new HashMap<>();
        // CURRENT-ASSIGNMENT: "news.raw.v1:0,1" (Kafka 4), "news.raw.v1(0,1)" (Kafka 3).
        Pattern assignment = Pattern.compile(Pattern.quote(topic) + "[:(]([0-9,]+)");
        for (String line : out.lines().toList()) {
            Matcher m = assignment.matcher(line);
            if (m.find() && line.startsWith(group)) {
                perMember.put(line.split("\\s+")[1], m.group(1).split(",").length);
            }
        }
        return perMember;
    }

    static void awaitNoLag(String group) {
        await(group + " has no lag").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            String out = compose("exec", "-T", "kafka", "/opt/kafka/bin/kafka-consumer-groups.sh", "--bootstrap-server",
                    "localhost:9092", "--describe", "--group", group);
            List<String> rows = out.lines().filter(l -> l.startsWith(group + " ")).toList();
            assertThat(rows).isNotEmpty();
            for (String row : rows) {
                String lag = row.split("\\s+")[5];
                assertThat(lag).as(row).isIn("0", "-");
            }
        });
    }

    static int partitionCount(String topic) throws Exception {
        String out = compose("exec", "-T", "kafka", "/opt/kafka/bin/kafka-topics.sh", "--bootstrap-server",
                "localhost:9092", "--describe", "--topic", topic);
        Matcher m = Pattern.compile("PartitionCount:\\s*(\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Jobs of the targets Prometheus scrapes successfully, with their addresses. */
    static Map<String, List<String>> upTargets() throws Exception {
        JsonNode targets = JSON.readTree(get(PROMETHEUS + "/api/v1/targets?state=active")).path("data").path("activeTargets");
        Map<String, List<String>> up = new HashMap<>();
        targets.forEach(t -> {
            if (t.path("health").asText().equals("up")) {
                up.computeIfAbsent(t.path("labels").path("job").asText(), k -> new ArrayList<>())
                        .add(t.path("labels").path("instance").asText());
            }
        });
        return up;
    }

    // --- articles ---

    static void push(JsonNode articles) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(INGEST + "/api/v1/articles"))
                .header("Content-Type", "application/json").header("X-API-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(articles))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
        if (articles.isArray()) {
            articles.forEach(a -> pushed.add(ArticleIds.forUrl(a.path("url").asText())));
        } else {
            pushed.add(ArticleIds.forUrl(articles.path("url").asText()));
        }
    }

    static ArrayNode batch(String name, int count) {
        ArrayNode batch = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            ObjectNode a = batch.addObject();
            a.put("url", "https://compose.newswire.dev/" + name + "/" + i);
            a.put("title", "Harbour authority report " + name + " number " + i);
            a.put("content", "The harbour authority published report " + name + " number " + i
                    + " on shipping volumes, berth maintenance and the dredging schedule for the coming season.\n\n"
                    + "Container traffic rose for the third quarter in a row, the report said, while bulk cargo fell.");
            a.put("source", "compose-it");
            a.put("language", "en");
            a.put("publishedAt", "2026-11-20T09:00:00Z");
        }
        return batch;
    }

    static void awaitAllSearchable(Duration atMost) {
        await("every pushed article searchable").atMost(atMost).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> missing = new ArrayList<>();
            for (String id : pushed) {
                if (articleStatus(id) != 200) {
                    missing.add(id);
                }
            }
            assertThat(missing).as("articles not found through search").isEmpty();
        });
    }

    static int articleStatus(String id) throws IOException, InterruptedException {
        return status(SEARCH + "/api/v1/articles/" + id);
    }

    static JsonNode search(String query) throws IOException, InterruptedException {
        return JSON.readTree(get(SEARCH + "/api/v1/search?" + query));
    }

    static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("hits").forEach(h -> ids.add(h.path("id").asText()));
        return ids;
    }

    static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Without ../shared (a checkout on its own), a plain-text article stands in for the seed page. */
    static String fallbackSeed() {
        return "US and Chinese defence officials held a military dialogue on maritime safety.\n\n"
                + "Defense Secretary Pete Hegseth said the talks would continue next year.";
    }

    static void log(String format, Object... args) {
        System.err.printf("[compose-it] " + format + "%n", args);
    }
}
