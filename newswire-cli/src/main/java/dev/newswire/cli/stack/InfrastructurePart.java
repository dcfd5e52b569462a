package dev.newswire.cli.stack;

import dev.newswire.stack.ElasticsearchServer;
import dev.newswire.stack.KafkaServer;
import dev.newswire.stack.ManagedProcess;
import dev.newswire.stack.Ports;
import dev.newswire.stack.StackArtifacts;
import java.time.Duration;

/** Kafka and Elasticsearch as parts of the local stack, with their data under {@code .newswire/}. */
final class InfrastructurePart {

    private InfrastructurePart() {
    }

    static Part kafka(StackLayout layout) {
        KafkaServer server = new KafkaServer(layout.ports().kafka(), layout.ports().kafkaController(),
                layout.home().resolve("kafka"), "512m");
        return new Part() {
            @Override
            public String name() {
                return "kafka";
            }

            @Override
            public int port() {
                return server.port();
            }

            @Override
            public String url() {
                return server.bootstrapServers();
            }

            @Override
            public boolean healthy() {
                return Ports.isOpen(server.port());
            }

            @Override
            public ManagedProcess start(Duration timeout) {
                return server.start(StackArtifacts.load(), true, timeout);
            }
        };
    }

    static Part elasticsearch(StackLayout layout) {
        ElasticsearchServer server = new ElasticsearchServer(layout.ports().elasticsearch(),
                layout.ports().elasticsearchTransport(), layout.elasticsearchBase().resolve("elasticsearch"),
                layout.elasticsearchBase().resolve("dist"), "512m");
        return new Part() {
            @Override
            public String name() {
                return "elasticsearch";
            }

            @Override
            public int port() {
                return server.httpPort();
            }

            @Override
            public String url() {
                return server.url();
            }

            @Override
            public boolean healthy() {
                return server.healthy();
            }

            @Override
            public ManagedProcess start(Duration timeout) {
                return server.start(StackArtifacts.load(), true, timeout);
            }
        };
    }
}
