package dev.newswire.cli.ingest;

import dev.newswire.cli.stack.StackLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newswire ingest PATH_OR_URL…}: sends files and URLs to the ingest API, with a progress bar on
 * stderr and a summary of what was accepted and what was rejected, and why, on stdout. Exit code 0 when
 * everything was accepted, 1 when anything was rejected, 2 when the API could not be used.
 */
@Command(name = "ingest",
        description = {"Send files and URLs to the ingest API.",
                "Files: .html/.htm (pages), .txt (plain text), .json (an article, an array of articles or a JSON Feed),"
                        + " .jsonl (one article per line), .xml/.rss/.atom (feeds); directories are walked recursively.",
                "URLs (http/https) of pages or feeds are fetched by the service.",
                "Articles are JSON objects {url, title, content | html, publishedAt, source, language}."})
public final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH_OR_URL", description = "Files, directories or http(s) URLs.")
    List<String> targets;

    @Option(names = "--api", description = "Ingest API base URL (default: the local stack's, http://localhost:8081).")
    String api;

    @Option(names = "--api-key-file", description = "File holding the API key (default: .newswire/api-key in the"
            + " repository root; else the NEWSWIRE_API_KEY environment variable).")
    Path apiKeyFile;

    @Option(names = "--source", description = "Source id (and name) for every item sent.")
    String source;

    @Option(names = "--language", description = "Language hint (ISO 639-1) for every item sent.")
    String language;

    @Option(names = "--fetch-pages", description = "For feed files: fetch each entry's page instead of using the"
            + " entry's own content.")
    boolean fetchPages;

    @Option(names = "--batch-size", defaultValue = "100", description = "Articles per request for .json arrays and"
            + " .jsonl files (default: ${DEFAULT-VALUE}; the service accepts up to 500).")
    int batchSize;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StackLayout layout = StackLayout.current();
        String base = api != null ? api : "http://localhost:" + layout.ports().ingest();
        String key;
        try {
            key = apiKey(layout);
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (batchSize < 1) {
            err.println("--batch-size must be at least 1");
            return 2;
        }

        IngestPlan plan;
        try {
            plan = IngestPlan.of(targets);
        } catch (UncheckedIOException e) {
            err.println(e.getMessage());
            return 2;
        }
        Tally tally = new Tally();
        plan.missing().forEach(m -> tally.rejected(m, "no such file or directory, and not an http(s) URL"));
        IngestClient client = new IngestClient(base, key, new IngestClient.Options(source, language, fetchPages,
                batchSize), tally);
        ProgressBar bar = new ProgressBar(err, plan.items().size(), !noProgress && System.console() != null);
        int done = 0;
        try {
            for (WorkItem item : plan.items()) {
                bar.show(done, tally, item.label());
                client.send(item);
                bar.show(++done, tally, item.label());
            }
        } catch (IngestClient.FatalException e) {
            bar.finish();
            err.println(e.getMessage());
            summary(out, tally, plan);
            return 2;
        }
        bar.finish();
        summary(out, tally, plan);
        return tally.rejected() == 0 ? 0 : 1;
    }

    private void summary(PrintWriter out, Tally tally, IngestPlan plan) {
        long files = plan.items().stream().filter(i -> i.path() != null).count();
        long urls = plan.items().size() - files;
        out.println("accepted " + tally.accepted() + ", rejected " + tally.rejected() + " (from " + files
                + (files == 1 ? " file" : " files") + (urls > 0 ? " and " + urls + (urls == 1 ? " URL" : " URLs") : "")
                + ")");
        if (tally.rejected() > 0) {
            out.println("rejected:");
            for (Tally.Rejection r : tally.rejections()) {
                out.println("  " + r.where() + ": " + r.reason());
            }
        }
        out.flush();
    }

    /** The key from --api-key-file, else .newswire/api-key of the repository, else NEWSWIRE_API_KEY. */
    private String apiKey(StackLayout layout) {
        Path file = apiKeyFile != null ? apiKeyFile : layout.apiKeyFile();
        if (Files.isRegularFile(file)) {
            try {
                String key = Files.readString(file).strip();
                if (!key.isEmpty()) {
                    return key;
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the API key file " + file + ": " + e.getMessage());
            }
        }
        String env = System.getenv("NEWSWIRE_API_KEY");
        if (apiKeyFile == null && env != null && !env.isBlank()) {
            return env.strip();
        }
        throw new IllegalStateException("no API key: " + file + " is missing or empty (./newswire up creates it;"
                + " or pass --api-key-file, or set NEWSWIRE_API_KEY)");
    }
}
