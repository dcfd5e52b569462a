package dev.newswire.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the build put the server artifacts (written into this jar by Maven at build time). */
public record StackArtifacts(String kafkaVersion, String kafkaClasspath, String elasticsearchVersion,
                             Path elasticsearchZip) {

    public static StackArtifacts load() {
        Properties p = new Properties();
        try (InputStream in = StackArtifacts.class.getResourceAsStream("artifacts.properties")) {
            if (in == null) {
                throw new IllegalStateException("artifacts.properties is missing from the local-stack jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StackArtifacts artifacts = new StackArtifacts(p.getProperty("kafka.version"),
                p.getProperty("kafka.classpath"), p.getProperty("elasticsearch.version"),
                Path.of(p.getProperty("elasticsearch.zip")));
        if (!Files.isRegularFile(artifacts.elasticsearchZip())) {
            throw new IllegalStateException("Elasticsearch distribution not found at " + artifacts.elasticsearchZip()
                    + ": rebuild with 'mvn -pl local-stack install' so Maven downloads it");
        }
        return artifacts;
    }
}
