package dev.newswire.cli.ingest;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, redrawn in place ({@code \r}); drawn only on a terminal, so that
 * logs and pipes get no control characters.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private final boolean enabled;
    private int lastLength;

    ProgressBar(PrintWriter err, int total, boolean enabled) {
        this.err = err;
        this.total = total;
        this.enabled = enabled && total > 0;
    }

    void show(int done, Tally tally, String current) {
        if (!enabled) {
            return;
        }
        int filled = (int) ((long) WIDTH * done / total);
        String name = current == null ? "" : current.length() > 40 ? "…" + current.substring(current.length() - 39)
                : current;
        String line = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total
                + "  accepted " + tally.accepted() + "  rejected " + tally.rejected() + "  " + name;
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    void finish() {
        if (enabled) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
        }
    }
}
