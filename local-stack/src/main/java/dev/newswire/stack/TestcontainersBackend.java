package dev.newswire.stack;

import java.lang.reflect.Method;

/**
 * Testcontainers through reflection: this module must not depend on it (its dependencies would mix into
 * the Kafka server classpath this module resolves, and into every user's test classpath). A test module
 * that wants containers declares {@code org.testcontainers:kafka} and {@code org.testcontainers:elasticsearch}
 * itself. Same server versions as the embedded servers.
 */
final class TestcontainersBackend {

    private TestcontainersBackend() {
    }

    static boolean dockerAvailable() {
        try {
            Class<?> factory = load("org.testcontainers.DockerClientFactory");
            Object instance = factory.getMethod("instance").invoke(null);
            return (Boolean) factory.getMethod("isDockerAvailable").invoke(instance);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    static String kafka() {
        Object kafka = construct("org.testcontainers.kafka.KafkaContainer",
                "apache/kafka:" + StackArtifacts.load().kafkaVersion());
        invoke(kafka, "start");
        return (String) invoke(kafka, "getBootstrapServers");
    }

    static String elasticsearch() {
        Object es = construct("org.testcontainers.elasticsearch.ElasticsearchContainer",
                "docker.elastic.co/elasticsearch/elasticsearch:" + StackArtifacts.load().elasticsearchVersion());
        invoke(es, "withEnv", "xpack.security.enabled", "false");
        invoke(es, "withEnv", "ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        invoke(es, "start");
        return "http://" + invoke(es, "getHttpHostAddress");
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, true, TestcontainersBackend.class.getClassLoader());
    }

    private static Object construct(String className, String image) {
        try {
            return load(className).getConstructor(String.class).newInstance(image);
        } catch (ReflectiveOperationException e) {
            throw new StackException("cannot create " + className + ": " + e, e);
        }
    }

    private static Object invoke(Object target, String method, String... args) {
        try {
            Class<?>[] types = new Class<?>[args.length];
            java.util.Arrays.fill(types, String.class);
            Method m = target.getClass().getMethod(method, types);
            return m.invoke(target, (Object[]) args);
        } catch (ReflectiveOperationException e) {
            throw new StackException("Testcontainers call " + method + " failed: " + e, e);
        }
    }
}
