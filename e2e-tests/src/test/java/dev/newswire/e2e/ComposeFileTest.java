package dev.newswire.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newswire.model.EventLimits;
import dev.newswire.model.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The operators' docker-compose.yml agrees with the code: pinned images, healthchecks, memory limits,
 * every setting a service reads provided, and ports that match the services' configuration.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of(System.getProperty("newswire.root", "..")).toAbsolutePath().normalize();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Our services, the environment variable that sets each one's HTTP port, and the config files they read. */
    static final Map<String, String> PORT_VARIABLE = Map.of(
            "ingest-service", "SERVER_PORT",
            "enrich-service", "SERVER_PORT",
            "search-service", "MICRONAUT_SERVER_PORT");

    /** Endpoints have localhost defaults for development; in containers they must always be set. */
    static final Map<String, List<String>> ALWAYS_REQUIRED = Map.of(
            "ingest-service", List.of("KAFKA_BOOTSTRAP_SERVERS", "NEWSWIRE_API_KEY"),
            "enrich-service", List.of("KAFKA_BOOTSTRAP_SERVERS"),
            "search-service", List.of("KAFKA_BOOTSTRAP_SERVERS", "ELASTICSEARCH_URL"));

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    static JsonNode compose() throws IOException {
        return YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    @Test
    void everyImageIsPinnedToAVersion() throws IOException {
        compose().path("services").fields().forEachRemaining(service -> {
            String image = service.getValue().path("image").asText("");
            assertThat(image).as(service.getKey() + " has an image").isNotEmpty();
            String tag = image.substring(image.lastIndexOf('/') + 1);
            assertThat(tag).as(service.getKey() + " image " + image + " names a tag").contains(":");
            String version = tag.substring(tag.indexOf(':') + 1);
            assertThat(version).as(service.getKey() + " image " + image + " is pinned to a version")
                    .isNotEqualToIgnoringCase("latest").matches("v?\\d+(\\.\\d+)+.*");
        });
    }

    @Test
    void kafkaAndElasticsearchImagesMatchTheEmbeddedServers() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        JsonNode services = compose().path("services");
        assertThat(services.path("kafka").path("image").asText()).endsWith(":" + property(pom, "kafka.version"));
        assertThat(services.path("elasticsearch").path("image").asText()).endsWith(":" + property(pom, "elasticsearch.version"));
        assertThat(services.path("kibana").path("image").asText()).endsWith(":" + property(pom, "elasticsearch.version"));
    }

    @Test
    void everyLongRunningServiceHasAHealthcheckAndAMemoryLimit() throws IOException {
        compose().path("services").fields().forEachRemaining(service -> {
            JsonNode s = service.getValue();
            assertThat(s.path("mem_limit").asText()).as(service.getKey() + " has a memory limit").isNotEmpty();
            boolean oneShot = "no".equals(s.path("restart").asText());
            if (!oneShot) {
                assertThat(s.path("healthcheck").path("test").isMissingNode())
                        .as(service.getKey() + " has a healthcheck").isFalse();
            }
        });
    }

    @Test
    void dependenciesWaitForHealth() throws IOException {
        compose().path("services").fields().forEachRemaining(service ->
                service.getValue().path("depends_on").fields().forEachRemaining(dep ->
                        assertThat(dep.getValue().path("condition").asText())
                                .as(service.getKey() + " waits for " + dep.getKey())
                                .isIn("service_healthy", "service_completed_successfully")));
    }

    @Test
    void everySettingAServiceReadsIsProvided() throws IOException {
        JsonNode services = compose().path("services");
        for (String service : PORT_VARIABLE.keySet()) {
            Set<String> required = new LinkedHashSet<>(ALWAYS_REQUIRED.get(service));
            required.add(PORT_VARIABLE.get(service));
            required.addAll(placeholdersWithoutDefault(service));
            Set<String> provided = new LinkedHashSet<>();
            services.path(service).path("environment").fieldNames().forEachRemaining(provided::add);
            assertThat(provided).as(service + " environment in docker-compose.yml").containsAll(required);
        }
    }

    @Test
    void portsAgreeWithTheServicesConfiguration() throws IOException {
        JsonNode services = compose().path("services");
        JsonNode prometheus = YAML.readTree(ROOT.resolve("ops/prometheus/prometheus.yml").toFile());
        for (var entry : PORT_VARIABLE.entrySet()) {
            String service = entry.getKey();
            JsonNode s = services.path(service);
            String port = s.path("environment").path(entry.getValue()).asText();
            assertThat(port).as(service + " port").isEqualTo(String.valueOf(defaultPort(service)));
            assertThat(s.path("healthcheck").path("test").toString()).as(service + " healthcheck port")
                    .contains("localhost:" + port + "/");
            assertThat(dnsTargets(prometheus)).as("Prometheus finds every replica of " + service + " by DNS")
                    .contains(service + ":" + port);
            s.path("ports").forEach(mapping -> assertThat(mapping.asText()).as(service + " published port")
                    .endsWith(":" + port));
        }
    }

    @Test
    void everyPublishedPortBindsToTheBindAddressLoopbackByDefault() throws IOException {
        compose().path("services").fields().forEachRemaining(service -> service.getValue().path("ports")
                .forEach(mapping -> assertThat(mapping.asText()).as(service.getKey() + " published port")
                        .startsWith("${NEWSWIRE_BIND_ADDRESS:-127.0.0.1}:")));
    }

    @Test
    void enrichServicePublishesNoPortSoItScales() throws IOException {
        assertThat(compose().path("services").path("enrich-service").path("ports").isMissingNode()).isTrue();
    }

    @Test
    void kafkaKeepsItsLogsInItsVolumeUnderAFixedClusterId() throws IOException {
        JsonNode kafka = compose().path("services").path("kafka");
        String logDirs = kafka.path("environment").path("KAFKA_LOG_DIRS").asText();
        assertThat(logDirs).isNotEmpty();
        List<String> volumes = new ArrayList<>();
        kafka.path("volumes").forEach(v -> volumes.add(v.asText()));
        assertThat(volumes).contains("kafka-data:" + logDirs);
        assertThat(kafka.path("environment").path("CLUSTER_ID").asText()).isNotEmpty();
        assertThat(kafka.path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
        assertThat(kafka.path("environment").path("KAFKA_MESSAGE_MAX_BYTES").asInt())
                .isEqualTo(EventLimits.MAX_RECORD_BYTES);
    }

    @Test
    void kafkaInitCreatesEveryTopicWithTheRecordLimitBeforeAnyServiceStarts() throws IOException {
        Map<String, String[]> topics = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("ops/kafka/topics"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] fields = line.trim().split("\\s+");
                topics.put(fields[0], fields);
            }
        }
        assertThat(topics).containsOnlyKeys(Topics.RAW, Topics.ENRICHED, Topics.RAW_DLQ, Topics.ENRICHED_DLQ,
                Topics.SOURCES);
        topics.values().forEach(t -> assertThat(t[2]).as(t[0])
                .contains("max.message.bytes=" + EventLimits.MAX_RECORD_BYTES));
        // A dead letter keeps its record's partition: its topic needs as many.
        assertThat(topics.get(Topics.RAW_DLQ)[1]).isEqualTo(topics.get(Topics.RAW)[1]);
        assertThat(topics.get(Topics.ENRICHED_DLQ)[1]).isEqualTo(topics.get(Topics.ENRICHED)[1]);
        assertThat(Integer.parseInt(topics.get(Topics.ENRICHED)[1])).isGreaterThan(1);
        assertThat(topics.get(Topics.SOURCES)[2]).contains("cleanup.policy=compact");
        JsonNode services = compose().path("services");
        for (String service : PORT_VARIABLE.keySet()) {
            assertThat(services.path(service).path("depends_on").path("kafka-init").path("condition").asText())
                    .as(service + " waits for the topics").isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void servicesHeapsFitTheirMemoryLimitsAndShutdownsHaveTimeToCommit() throws IOException {
        JsonNode services = compose().path("services");
        for (String service : PORT_VARIABLE.keySet()) {
            JsonNode s = services.path(service);
            Matcher xmx = Pattern.compile("-Xmx(\\d+)([mg])").matcher(s.path("environment").path("JAVA_TOOL_OPTIONS").asText());
            assertThat(xmx.find()).as(service + " sets its heap").isTrue();
            long heapMb = Long.parseLong(xmx.group(1)) * (xmx.group(2).equals("g") ? 1024 : 1);
            long limitMb = megabytes(s.path("mem_limit").asText());
            assertThat(heapMb).as(service + " heap against its limit of " + limitMb + " MB").isLessThanOrEqualTo(limitMb * 2 / 3);
            assertThat(seconds(s.path("stop_grace_period").asText())).as(service + " stop_grace_period")
                    .isGreaterThan(30);
        }
    }

    @Test
    void searchServiceLogsInAsItsOwnUserNotTheSuperuser() throws IOException {
        JsonNode env = compose().path("services").path("search-service").path("environment");
        assertThat(env.path("ELASTICSEARCH_USERNAME").asText()).isEqualTo("newswire_search");
        String roles = Files.readString(ROOT.resolve("ops/elasticsearch/roles.yml"));
        assertThat(roles).contains("newswire_search:").doesNotContain("all").doesNotContain("superuser");
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        assumeTrue(Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "docker-compose"))),
                "docker-compose (Debian package) is not installed");
        Path env = Files.createTempFile("compose", ".env");
        Files.writeString(env, Files.readString(ROOT.resolve(".env.example")));
        Process process = new ProcessBuilder("docker-compose", "--env-file", env.toString(), "-f",
                ROOT.resolve("docker-compose.yml").toString(), "config", "-q").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    /**
     * The port each service listens on by default, read from its own configuration: a
     * {@code ${SERVER_PORT:8081}} placeholder (Spring), a literal {@code port:} under {@code server:} or
     * {@code micronaut.server:}, else the framework's default, 8080 (Micronaut maps
     * {@code MICRONAUT_SERVER_PORT} onto {@code micronaut.server.port} by itself).
     */
    static int defaultPort(String service) throws IOException {
        for (Path config : configFiles(service)) {
            String text = Files.readString(config);
            Matcher m = Pattern.compile("\\$\\{" + PORT_VARIABLE.get(service) + ":(\\d+)}").matcher(text);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            JsonNode yaml = config.toString().endsWith(".properties") ? null : YAML.readTree(config.toFile());
            if (yaml != null) {
                for (JsonNode port : List.of(yaml.path("server").path("port"), yaml.path("micronaut").path("server").path("port"))) {
                    if (port.canConvertToInt()) {
                        return port.asInt();
                    }
                }
            }
        }
        return 8080;
    }

    static List<String> placeholdersWithoutDefault(String service) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path config : configFiles(service)) {
            Matcher m = PLACEHOLDER.matcher(Files.readString(config));
            while (m.find()) {
                if (m.group(2) == null) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    static List<Path> configFiles(String service) throws IOException {
        Path resources = ROOT.resolve(service).resolve("src/main/resources");
        try (Stream<Path> files = Files.list(resources)) {
            return files.filter(f -> f.getFileName().toString().matches("application.*\\.(ya?ml|properties)")).toList();
        }
    }

    /** host:port of every DNS service-discovery name of a Prometheus configuration. */
    static List<String> dnsTargets(JsonNode prometheus) {
        List<String> targets = new ArrayList<>();
        prometheus.path("scrape_configs").forEach(job -> job.path("dns_sd_configs").forEach(sd ->
                sd.path("names").forEach(name -> targets.add(name.asText() + ":" + sd.path("port").asText()))));
        return targets;
    }

    static long megabytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([mg])").matcher(size.toLowerCase());
        assertThat(m.matches()).as(size).isTrue();
        return Long.parseLong(m.group(1)) * (m.group(2).equals("g") ? 1024 : 1);
    }

    static long seconds(String duration) {
        Matcher m = Pattern.compile("(\\d+)([sm])").matcher(duration);
        assertThat(m.matches()).as("duration " + duration).isTrue();
        return Long.parseLong(m.group(1)) * (m.group(2).equals("m") ? 60 : 1);
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(m.find()).as(name + " in the root pom").isTrue();
        return m.group(1);
    }
}
