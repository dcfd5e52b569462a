package dev.newswire.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Elasticsearch server from the {@code integ-test-zip} distribution Maven resolved.
 *
 * <p>The distribution is unpacked once into {@code distRoot} and shared read-only; each instance has
 * its own config, data, logs and tmp under {@code dir}. Elasticsearch refuses to run as root, so when
 * this JVM is root the server runs as {@code nobody} (setpriv) and the instance directories are
 * handed to that user.
 *
 * @param httpPort      REST port
 * @param transportPort transport port (single node, loopback only)
 * @param dir           instance directory: conf, data, logs, tmp and {@code elasticsearch.log}
 * @param distRoot      where the distribution is unpacked
 * @param heap          JVM heap, e.g. {@code 512m}
 */
public record ElasticsearchServer(int httpPort, int transportPort, Path dir, Path distRoot, String heap) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public Path logFile() {
        return dir.resolve("elasticsearch.log");
    }

    /** Starts the server and waits until the cluster health is yellow or green. */
    public ManagedProcess start(StackArtifacts artifacts, boolean detached, Duration timeout) {
        Ports.requireFree(httpPort, "Elasticsearch");
        Ports.requireFree(transportPort, "Elasticsearch transport");
        Path home = unpack(artifacts);
        Path conf = dir.resolve("conf");
        Path tmp = dir.resolve("tmp");
        writeConfig(home, conf);
        boolean root = Posix.isRoot();
        if (root) {
            handToNobody(dir);
        }
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        Map<String, String> env = new HashMap<>();
        env.put("ES_PATH_CONF", conf.toString());
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        env.put("ES_TMPDIR", tmp.toString());
        env.put("HOME", tmp.toString());
        env.remove("JAVA_HOME");
        ManagedProcess process = ManagedProcess.start("Elasticsearch", command, env, dir, logFile(), detached);
        process.awaitReady(this::healthy, timeout);
        return process;
    }

    /** Whether the cluster answers its health with yellow or green. */
    public boolean healthy() {
        return healthy(url());
    }

    public static boolean healthy(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/_cluster/health"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && (response.body().contains("\"status\":\"green\"") || response.body().contains("\"status\":\"yellow\""));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void writeConfig(Path home, Path conf) {
        try {
            Files.createDirectories(conf);
            for (String dirName : List.of("data", "logs", "tmp")) {
                Files.createDirectories(dir.resolve(dirName));
            }
            try (Stream<Path> files = Files.list(home.resolve("config"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, conf.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(conf.resolve("elasticsearch.yml"), String.join("\n",
                    "cluster.name: newswire",
                    "node.name: newswire-1",
                    "discovery.type: single-node",
                    "network.host: 127.0.0.1",
                    "http.port: " + httpPort,
                    "transport.port: " + transportPort,
                    "path.data: " + dir.resolve("data"),
                    "path.logs: " + dir.resolve("logs"),
                    "xpack.security.enabled: false",
                    // A developer disk that is 90 % full must not turn the indices read-only.
                    "cluster.routing.allocation.disk.threshold_enabled: false",
                    "action.destructive_requires_name: false",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Elasticsearch config in " + conf, e);
        }
    }

    /** Unpacks the distribution once; concurrent JVMs race safely through a rename. */
    private Path unpack(StackArtifacts artifacts) {
        Path home = distRoot.resolve("elasticsearch-" + artifacts.elasticsearchVersion());
        if (Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            return home;
        }
        Path staging = distRoot.resolve(".unpack-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            try (InputStream in = Files.newInputStream(artifacts.elasticsearchZip());
                 ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    Path target = staging.resolve(entry.getName()).normalize();
                    if (!target.startsWith(staging)) {
                        throw new IOException("zip entry outside the target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                        // Java's zip reader drops Unix modes: launchers live in bin/ directories.
                        if (target.getParent().getFileName().toString().equals("bin")) {
                            Files.setPosixFilePermissions(target, EnumSet.of(PosixFilePermission.OWNER_READ,
                                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                                    PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                                    PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
                        }
                    }
                }
            }
            Path unpacked = staging.resolve("elasticsearch-" + artifacts.elasticsearchVersion());
            try {
                Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // Another JVM unpacked it first: use theirs.
            }
            Posix.deleteTree(staging);
            return home;
        } catch (IOException e) {
            throw new StackException("cannot unpack " + artifacts.elasticsearchZip() + " into " + distRoot + ": "
                    + e.getMessage(), e);
        }
    }

    private static void handToNobody(Path dir) {
        try {
            UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal nobody = lookup.lookupPrincipalByName("nobody");
            GroupPrincipal nogroup = lookup.lookupPrincipalByGroupName("nogroup");
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.toList()) {
                    PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                    view.setOwner(nobody);
                    view.setGroup(nogroup);
                }
            }
        } catch (IOException e) {
            throw new StackException("cannot hand " + dir + " to user nobody (Elasticsearch refuses to run as root): "
                    + e.getMessage(), e);
        }
    }
}
