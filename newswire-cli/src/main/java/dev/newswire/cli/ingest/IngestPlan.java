package dev.newswire.cli.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The arguments turned into work: URLs as they are, files by extension, directories walked recursively
 * (in name order, so runs are repeatable) keeping the files of known kinds; hidden files are skipped.
 *
 * @param items   what will be sent
 * @param missing arguments that are neither a URL nor an existing path
 */
record IngestPlan(List<WorkItem> items, List<String> missing) {

    static IngestPlan of(List<String> arguments) {
        List<WorkItem> items = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String argument : arguments) {
            if (WorkItem.isUrl(argument)) {
                items.add(new WorkItem(WorkItem.Kind.URL, null, argument.strip(), argument.strip()));
                continue;
            }
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                items.addAll(walk(path));
            } else if (Files.isRegularFile(path)) {
                items.add(new WorkItem(WorkItem.kindOf(path), path, null, argument));
            } else {
                missing.add(argument);
            }
        }
        return new IngestPlan(items, missing);
    }

    private static List<WorkItem> walk(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !hidden(dir.relativize(f)))
                    .filter(f -> WorkItem.kindOf(f) != WorkItem.Kind.UNSUPPORTED)
                    .sorted()
                    .map(f -> new WorkItem(WorkItem.kindOf(f), f, null, f.toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
