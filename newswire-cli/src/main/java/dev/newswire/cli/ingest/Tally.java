package dev.newswire.cli.ingest;

import java.util.ArrayList;
import java.util.List;

/** Accepted and rejected items across the run, with the reason of each rejection. */
final class Tally {

    /** A rejected item: where it came from (file, file:line, file#entry, URL) and why. */
    record Rejection(String where, String reason) {
    }

    private int accepted;
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();

    synchronized void accepted(String id) {
        accepted++;
        if (id != null) {
            ids.add(id);
        }
    }

    synchronized void rejected(String where, String reason) {
        rejections.add(new Rejection(where, reason));
    }

    synchronized int accepted() {
        return accepted;
    }

    synchronized int rejected() {
        return rejections.size();
    }

    synchronized List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    synchronized List<String> ids() {
        return List.copyOf(ids);
    }
}
