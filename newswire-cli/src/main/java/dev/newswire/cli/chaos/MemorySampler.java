package dev.newswire.cli.chaos;

import dev.newswire.cli.stack.LocalStack;
import dev.newswire.cli.stack.Part;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples the resident memory of every part of the stack (the process and its descendants: Elasticsearch
 * runs its server under a launcher) once a second, and keeps the peak of each part per phase.
 */
final class MemorySampler implements AutoCloseable {

    private final LocalStack stack;
    private final Map<String, Map<String, Long>> peaks = new ConcurrentHashMap<>();
    private volatile String phase = "start";
    private volatile boolean closed;
    private final Thread thread;

    MemorySampler(LocalStack stack) {
        this.stack = stack;
        this.thread = Daemons.start("chaos-memory", this::run);
    }

    void phase(String name) {
        this.phase = name;
    }

    /** Peak resident set in bytes of each part in {@code phase}. */
    Map<String, Long> peaks(String phase) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        Map<String, Long> p = peaks.getOrDefault(phase, Map.of());
        for (Part part : stack.all()) {
            ordered.put(part.name(), p.getOrDefault(part.name(), 0L));
        }
        return ordered;
    }

    private void run() {
        while (!closed) {
            for (Part part : stack.all()) {
                stack.running(part).ifPresent(process -> {
                    long rss = rss(process.pid());
                    long total = rss + ProcessHandle.of(process.pid()).map(h -> h.descendants()
                            .mapToLong(d -> rss(d.pid())).sum()).orElse(0L);
                    peaks.computeIfAbsent(phase, k -> new ConcurrentHashMap<>()).merge(part.name(), total, Math::max);
                });
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** VmRSS of a process from {@code /proc}, in bytes; 0 when it is gone or this is not Linux. */
    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    List<String> f = List.of(line.substring(6).strip().split("\\s+"));
                    return Long.parseLong(f.get(0)) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
