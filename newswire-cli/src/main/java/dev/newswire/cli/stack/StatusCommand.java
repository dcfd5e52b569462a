package dev.newswire.cli.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newswire status}: health of each part and what flows through the stack; exit 0 only if all are healthy. */
@Command(name = "status", description = "Health of each part, topic end offsets, consumer lag, dead letters, indexed documents.")
public final class StatusCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        StackStatus status = StackStatus.read(new LocalStack(StackLayout.current()));
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(status));
        } else {
            print(status, out);
        }
        out.flush();
        return status.allHealthy() ? 0 : 1;
    }

    private static void print(StackStatus status, PrintWriter out) {
        out.println("PART             HEALTH     PID      URL");
        for (StackStatus.PartStatus p : status.parts()) {
            out.printf("%-16s %-10s %-8s %s%n", p.name(), p.healthy() ? "healthy" : "DOWN",
                    p.pid() == null ? "-" : p.pid(), p.url());
        }
        if (!status.topicEndOffsets().isEmpty()) {
            out.println();
            out.println("TOPIC                      END OFFSET   RECORDS/S");
            status.topicEndOffsets().forEach((topic, end) -> out.printf("%-26s %10d %11.1f%n", topic, end,
                    status.topicRates().getOrDefault(topic, 0.0)));
            out.println();
            out.println("CONSUMER GROUP             LAG");
            status.consumerLag().forEach((group, lag) -> out.printf("%-26s %10d%n", group, lag));
            out.printf("%ndead letters: %d%n", status.deadLetters());
        }
        if (status.indexedDocuments() != null) {
            out.printf("indexed documents: %d%n", status.indexedDocuments());
        }
        status.problems().forEach(p -> out.println("problem: " + p));
    }
}
