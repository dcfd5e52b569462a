package dev.newswire.cli.stack;

import picocli.CommandLine.Option;

/** The port options of the commands that start the stack; a port not given keeps the recorded one. */
public final class PortOptions {

    @Option(names = "--search-port", description = "Search API port (default 8080).")
    Integer searchPort;

    @Option(names = "--ingest-port", description = "Ingest API port (default 8081).")
    Integer ingestPort;

    @Option(names = "--enrich-port", description = "Enrich service management port (default 8082).")
    Integer enrichPort;

    @Option(names = "--kafka-port", description = "Kafka port (default 9092; the controller takes the next one).")
    Integer kafkaPort;

    @Option(names = "--elasticsearch-port", description = "Elasticsearch port (default 9200; transport takes +100).")
    Integer elasticsearchPort;

    /** The recorded ports with the given ones in their place. */
    public StackLayout.Ports apply(StackLayout.Ports recorded) {
        int kafka = kafkaPort != null ? kafkaPort : recorded.kafka();
        int es = elasticsearchPort != null ? elasticsearchPort : recorded.elasticsearch();
        return new StackLayout.Ports(
                searchPort != null ? searchPort : recorded.search(),
                ingestPort != null ? ingestPort : recorded.ingest(),
                enrichPort != null ? enrichPort : recorded.enrich(),
                kafka, kafkaPort != null ? kafka + 1 : recorded.kafkaController(),
                es, elasticsearchPort != null ? es + 100 : recorded.elasticsearchTransport());
    }
}
