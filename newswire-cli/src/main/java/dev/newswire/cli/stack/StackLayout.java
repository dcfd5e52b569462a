package dev.newswire.cli.stack;

import dev.newswire.stack.Posix;
import dev.newswire.stack.StackException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Where the local stack lives: the repository root, its {@code .newswire/} directory (data, logs, pid
 * files, the API key) and the ports of the running stack ({@code stack.properties}).
 */
public record StackLayout(Path root, Path home, Ports ports) {

    /** Ports of the parts; defaults as in ARCHITECTURE.md. */
    public record Ports(int search, int ingest, int enrich, int kafka, int kafkaController, int elasticsearch,
                        int elasticsearchTransport) {

        public static final Ports DEFAULTS = new Ports(8080, 8081, 8082, 9092, 9093, 9200, 9300);

        Properties toProperties() {
            Properties p = new Properties();
            p.setProperty("port.search", String.valueOf(search));
            p.setProperty("port.ingest", String.valueOf(ingest));
            p.setProperty("port.enrich", String.valueOf(enrich));
            p.setProperty("port.kafka", String.valueOf(kafka));
            p.setProperty("port.kafka-controller", String.valueOf(kafkaController));
            p.setProperty("port.elasticsearch", String.valueOf(elasticsearch));
            p.setProperty("port.elasticsearch-transport", String.valueOf(elasticsearchTransport));
            return p;
        }

        static Ports fromProperties(Properties p) {
            return new Ports(get(p, "port.search", DEFAULTS.search), get(p, "port.ingest", DEFAULTS.ingest),
                    get(p, "port.enrich", DEFAULTS.enrich), get(p, "port.kafka", DEFAULTS.kafka),
                    get(p, "port.kafka-controller", DEFAULTS.kafkaController),
                    get(p, "port.elasticsearch", DEFAULTS.elasticsearch),
                    get(p, "port.elasticsearch-transport", DEFAULTS.elasticsearchTransport));
        }

        private static int get(Properties p, String key, int fallback) {
            String v = p.getProperty(key);
            return v == null ? fallback : Integer.parseInt(v.strip());
        }
    }

    /** The layout of the repository this CLI runs from, with the ports recorded by the last {@code up}. */
    public static StackLayout current() {
        Path root = Path.of(System.getProperty("newswire.root", System.getProperty("user.dir"))).toAbsolutePath()
                .normalize();
        Path home = root.resolve(".newswire");
        Ports ports = Ports.DEFAULTS;
        Path file = home.resolve("stack.properties");
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ports = Ports.fromProperties(p);
        }
        return new StackLayout(root, home, ports);
    }

    public StackLayout withPorts(Ports ports) {
        return new StackLayout(root, home, ports);
    }

    public void savePorts() {
        try {
            Files.createDirectories(home);
            try (Writer out = Files.newBufferedWriter(home.resolve("stack.properties"), StandardCharsets.UTF_8)) {
                ports.toProperties().store(out, "ports of the local stack, written by ./newswire up");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path pidFile(String part) {
        return home.resolve("run").resolve(part + ".pid");
    }

    public Path logDir() {
        return home.resolve("logs");
    }

    public Path apiKeyFile() {
        return home.resolve("api-key");
    }

    /** The ingest API key, created on first use, readable by its owner only. */
    public String apiKey() {
        Path file = apiKeyFile();
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(home);
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                Path tmp = Files.createTempFile(home, "api-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n");
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new StackException("cannot create the API key file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where Elasticsearch's data lives. It runs as {@code nobody} when the CLI is root, so it needs a
     * directory that user can reach: {@code .newswire/} when every ancestor is world-searchable, else a
     * directory under {@code /var/tmp} named after this checkout.
     */
    public Path elasticsearchBase() {
        if (!Posix.isRoot() || Posix.reachableByOthers(home.getParent())) {
            return home;
        }
        return Path.of("/var/tmp", "newswire-" + shortHash(root.toString()));
    }

    private static String shortHash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
