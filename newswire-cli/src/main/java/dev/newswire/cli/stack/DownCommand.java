package dev.newswire.cli.stack;

import dev.newswire.stack.Posix;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newswire down}: stops every process {@code up} started, services first. */
@Command(name = "down", description = "Stop everything 'up' started; --purge also deletes the data.")
public final class DownCommand implements Callable<Integer> {

    @Option(names = "--purge", description = "Also delete Kafka and Elasticsearch data and the logs.")
    boolean purge;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        LocalStack stack = new LocalStack(StackLayout.current());
        int stopped = stack.stopAll(out);
        if (stopped == 0) {
            out.println("Nothing was running.");
        }
        if (purge) {
            StackLayout layout = stack.layout();
            for (Path dir : List.of(layout.home().resolve("kafka"), layout.elasticsearchBase().resolve("elasticsearch"),
                    layout.logDir())) {
                if (!Posix.deleteTree(dir)) {
                    out.println("  could not delete all of " + dir);
                }
            }
            out.println("Data and logs deleted.");
        }
        return 0;
    }
}
