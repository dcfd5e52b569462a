package dev.newswire.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Newswire service run from its executable jar in a JVM of its own, configured by environment variables
 * exactly as in docker-compose.yml: the services of {@code ./newswire up} and of the end-to-end tests.
 *
 * @param name       module name, e.g. {@code search-service}
 * @param jar        the executable jar
 * @param port       HTTP port
 * @param healthPath health endpoint, answering 200 with {@code "UP"} when healthy
 * @param heap       maximum heap
 * @param env        environment of the process
 * @param logDir     where its log goes
 */
public record JavaService(String name, Path jar, int port, String healthPath, String heap, Map<String, String> env,
                          Path logDir) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public String url() {
        return "http://localhost:" + port;
    }

    /** Whether the health endpoint answers 200 with {@code UP}. */
    public boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + healthPath)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts the jar (detached: in its own session, outliving this JVM) and waits until it is healthy. */
    public ManagedProcess start(Duration timeout, boolean detached) {
        if (!Files.isRegularFile(jar)) {
            throw new StackException(name + " is not built (" + jar + " is missing): run 'mvn -B -DskipTests package'");
        }
        Ports.requireFree(port, name);
        ManagedProcess process = ManagedProcess.start(name, List.of(ManagedProcess.java(), "-Xms64m", "-Xmx" + heap,
                        "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
                        "-jar", jar.toString()),
                env, jar.getParent(), logDir.resolve(name + ".log"), detached);
        process.awaitReady(this::healthy, timeout);
        return process;
    }
}
