package dev.newswire.stack;

/**
 * Testcontainers, where a Docker engine exists. Testcontainers is not a dependency of this module:
 * a test module that wants containers declares {@code org.testcontainers:kafka} and
 * {@code org.testcontainers:elasticsearch} in its test scope. Without them, or without a reachable
 * engine (as on the project's CI machines), the embedded servers are used.
 */
final class Containers {

    private static Boolean usable;

    private Containers() {
    }

    static synchronized boolean usable() {
        if (usable == null) {
            usable = Boolean.getBoolean("newswire.testcontainers.disabled") ? false : probe();
        }
        return usable;
    }

    private static boolean probe() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, Containers.class.getClassLoader());
            Class.forName("org.testcontainers.kafka.KafkaContainer", false, Containers.class.getClassLoader());
            Class.forName("org.testcontainers.elasticsearch.ElasticsearchContainer", false,
                    Containers.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        return TestcontainersBackend.dockerAvailable();
    }

    static String kafka() {
        return TestcontainersBackend.kafka();
    }

    static String elasticsearch() {
        return TestcontainersBackend.elasticsearch();
    }
}
