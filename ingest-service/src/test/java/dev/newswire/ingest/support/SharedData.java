package dev.newswire.ingest.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The team's shared data beside the checkout ({@code ../shared}): eval sets and the seed page. */
public final class SharedData {

    private SharedData() {
    }

    /**
     * {@code ../shared/<relative>}, or skips the calling test when it is absent: a user's clone has no
     * {@code ../shared}, CI has it.
     */
    public static Path require(String relative) {
        String dir = System.getProperty("newswire.shared.dir");
        Path root = dir != null ? Path.of(dir) : Path.of("..", "..", "shared");
        Path path = root.resolve(relative).normalize();
        assumeTrue(Files.exists(path), () -> "skipped: shared data " + path + " is absent (it lives beside the"
                + " checkout in CI; set -Dnewswire.shared.dir to run this test)");
        return path;
    }
}
