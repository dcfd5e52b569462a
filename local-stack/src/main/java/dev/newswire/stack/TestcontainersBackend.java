package dev.newswire.stack;

import java.lang.reflect.Method;
import java.time.Duration;

/**
 * Testcontainers through reflection: this module must not depend on it (its dependencies would mix into
 * the Kafka server classpath this module resolves, and into every user's test classpath). A test module
 * that wants containers declares {@code org.testcontainers:kafka} and {@code org.testcontainers:elasticsearch}
 * itself.
 *
 * <p>The containers run the images that {@code ops/compose/build-local-images.sh} builds without a registry
 * ({@value #KAFKA_IMAGE}, {@value #ELASTICSEARCH_IMAGE} and the version), the same servers as the embedded
 * ones, declared compatible with the official images Testcontainers' modules expect. Testcontainers then
 * needs {@code TESTCONTAINERS_RYUK_DISABLED=true} and {@code TESTCONTAINERS_HOST_OVERRIDE=localhost} in the
 * environment: its helper images cannot be pulled either.
 */
final class TestcontainersBackend {

    static final String KAFKA_IMAGE = "newswire-local/kafka";
    static final String ELASTICSEARCH_IMAGE = "newswire-local/elasticsearch";

    private TestcontainersBackend() {
    }

    static String kafkaImage() {
        return KAFKA_IMAGE + ":" + StackArtifacts.load().kafkaVersion();
    }

    static String elasticsearchImage() {
        return ELASTICSEARCH_IMAGE + ":" + StackArtifacts.load().elasticsearchVersion();
    }

    static boolean dockerAvailable() {
        try {
            Object factory = load("org.testcontainers.DockerClientFactory").getMethod("instance").invoke(null);
            return (Boolean) factory.getClass().getMethod("isDockerAvailable").invoke(factory);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Whether the engine holds the image (never pulled: no registry is reachable). */
    static boolean imageExists(String image) {
        try {
            Object factory = load("org.testcontainers.DockerClientFactory").getMethod("instance").invoke(null);
            Object client = factory.getClass().getMethod("client").invoke(factory);
            Object command = load("com.github.dockerjava.api.DockerClient").getMethod("inspectImageCmd", String.class)
                    .invoke(client, image);
            load("com.github.dockerjava.api.command.SyncDockerCmd").getMethod("exec").invoke(command);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    static String kafka() {
        Object kafka = construct("org.testcontainers.kafka.KafkaContainer", image(kafkaImage(), "apache/kafka"));
        invoke(kafka, "start");
        return (String) invoke(kafka, "getBootstrapServers");
    }

    static String elasticsearch() {
        Object es = construct("org.testcontainers.elasticsearch.ElasticsearchContainer",
                image(elasticsearchImage(), "docker.elastic.co/elasticsearch/elasticsearch"));
        invoke(es, "withEnv", "xpack.security.enabled", "false");
        invoke(es, "withEnv", "ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        // The module waits for the official image's JSON log line; the cluster's health says the same here.
        try {
            Object strategy = load("org.testcontainers.containers.wait.strategy.Wait")
                    .getMethod("forHttp", String.class).invoke(null, "/_cluster/health?wait_for_status=yellow");
            strategy = strategy.getClass().getMethod("forPort", int.class).invoke(strategy, 9200);
            strategy = strategy.getClass().getMethod("withStartupTimeout", Duration.class)
                    .invoke(strategy, Duration.ofMinutes(3));
            Class<?> waitStrategy = load("org.testcontainers.containers.wait.strategy.WaitStrategy");
            es.getClass().getMethod("waitingFor", waitStrategy).invoke(es, strategy);
        } catch (ReflectiveOperationException e) {
            throw new StackException("cannot set the Elasticsearch container's wait strategy: " + e, e);
        }
        invoke(es, "start");
        return "http://" + invoke(es, "getHttpHostAddress");
    }

    /** The local image, declared a compatible substitute for the official one the module checks for. */
    private static Object image(String image, String official) {
        try {
            Class<?> names = load("org.testcontainers.utility.DockerImageName");
            Object name = names.getMethod("parse", String.class).invoke(null, image);
            return names.getMethod("asCompatibleSubstituteFor", String.class).invoke(name, official);
        } catch (ReflectiveOperationException e) {
            throw new StackException("cannot name the image " + image + ": " + e, e);
        }
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, true, TestcontainersBackend.class.getClassLoader());
    }

    private static Object construct(String className, Object imageName) {
        try {
            return load(className).getConstructor(imageName.getClass()).newInstance(imageName);
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
