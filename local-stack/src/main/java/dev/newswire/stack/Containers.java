package dev.newswire.stack;

import java.util.Locale;

/**
 * Which servers {@link TestInfrastructure} runs: {@code newswire.infrastructure} (system property) or
 * {@code NEWSWIRE_INFRASTRUCTURE} (environment) is {@code embedded}, {@code containers} or {@code auto}
 * (the default). {@code auto} takes Testcontainers only when all of it is there: Testcontainers on the
 * test classpath (a module declares {@code org.testcontainers:kafka} and
 * {@code org.testcontainers:elasticsearch}), a reachable Docker engine, and the images of
 * {@code ops/compose/build-local-images.sh}; else the embedded servers. {@code containers} fails when one
 * is missing. Why the project's CI keeps its suite on the embedded servers: docs/decisions/.
 */
final class Containers {

    private static Boolean usable;

    private Containers() {
    }

    static String mode() {
        String mode = System.getProperty("newswire.infrastructure");
        if (mode == null || mode.isBlank()) {
            mode = System.getenv("NEWSWIRE_INFRASTRUCTURE");
        }
        if (Boolean.getBoolean("newswire.testcontainers.disabled")) {
            mode = "embedded";
        }
        mode = mode == null || mode.isBlank() ? "auto" : mode.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("embedded") && !mode.equals("containers")) {
            throw new StackException("newswire.infrastructure is '" + mode + "': embedded, containers or auto");
        }
        return mode;
    }

    static synchronized boolean usable() {
        if (usable == null) {
            String mode = mode();
            if (mode.equals("embedded")) {
                usable = false;
            } else {
                String missing = missing();
                if (missing != null && mode.equals("containers")) {
                    throw new StackException("newswire.infrastructure=containers, but " + missing);
                }
                usable = missing == null;
            }
        }
        return usable;
    }

    /** What the containers lack, or null. */
    private static String missing() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, Containers.class.getClassLoader());
            Class.forName("org.testcontainers.kafka.KafkaContainer", false, Containers.class.getClassLoader());
            Class.forName("org.testcontainers.elasticsearch.ElasticsearchContainer", false,
                    Containers.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return "Testcontainers (org.testcontainers:kafka and :elasticsearch) is not on the test classpath";
        }
        if (!TestcontainersBackend.dockerAvailable()) {
            return "no Docker engine is reachable";
        }
        for (String image : new String[] {TestcontainersBackend.kafkaImage(), TestcontainersBackend.elasticsearchImage()}) {
            if (!TestcontainersBackend.imageExists(image)) {
                return "the image " + image + " is missing: run ops/compose/build-local-images.sh";
            }
        }
        return null;
    }

    static String kafka() {
        return TestcontainersBackend.kafka();
    }

    static String elasticsearch() {
        return TestcontainersBackend.elasticsearch();
    }
}
