package dev.newswire.stack;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A server running as a child process with its output captured in a log file.
 *
 * <p>Attached processes die with this JVM (a shutdown hook stops them: the tests' servers). Detached
 * ones run in their own session ({@code setsid}), so neither the CLI's exit nor a Ctrl-C in its
 * terminal reaches them: the servers of {@code ./newswire up}, stopped later by pid.
 */
public final class ManagedProcess {

    private static final int LOG_LINES_IN_ERRORS = 25;

    private final String name;
    private final ProcessHandle handle;
    private final Path logFile;
    private final long logOffsetAtStart;

    private ManagedProcess(String name, ProcessHandle handle, Path logFile, long logOffsetAtStart) {
        this.name = name;
        this.handle = handle;
        this.logFile = logFile;
        this.logOffsetAtStart = logOffsetAtStart;
    }

    /**
     * Starts {@code command} in {@code workDir} with extra environment, output appended to {@code logFile}.
     */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
                                       Path workDir, Path logFile, boolean detached) {
        List<String> full = new ArrayList<>();
        if (detached) {
            full.add("setsid");
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        Process process;
        long offset;
        try {
            Files.createDirectories(logFile.getParent());
            offset = Files.exists(logFile) ? Files.size(logFile) : 0;
            process = builder.start();
        } catch (IOException e) {
            throw new StackException("cannot start " + name + ": " + e.getMessage(), e);
        }
        ManagedProcess managed = new ManagedProcess(name, process.toHandle(), logFile, offset);
        if (!detached) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> managed.stop(Duration.ofSeconds(20)),
                    "stop-" + name));
        }
        return managed;
    }

    /** A process started earlier, found by its pid, if it is still alive. */
    public static Optional<ManagedProcess> attach(String name, long pid, Path logFile) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(h -> new ManagedProcess(name, h, logFile, 0));
    }

    /** The java launcher of this JVM: children run on the same Java. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Whether the log written since this start contains {@code text} (a readiness signal). */
    public boolean logSinceStartContains(String text) {
        try (RandomAccessFile raf = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = raf.length();
            if (length <= logOffsetAtStart) {
                return false;
            }
            byte[] buffer = new byte[(int) Math.min(length - logOffsetAtStart, 8 * 1024 * 1024)];
            raf.seek(logOffsetAtStart);
            raf.readFully(buffer);
            return new String(buffer, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The command line of the process, if the OS tells it (used to guard against pid reuse). */
    public Optional<String> commandLine() {
        return handle.info().commandLine();
    }

    /**
     * Waits until {@code ready} holds. Fails with the last lines of the log if the process exits or the
     * time runs out, so that the reason is in the error and not only in a file.
     */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (!handle.isAlive()) {
                throw new StackException(name + " exited during start-up; last lines of " + logFile + ":\n"
                        + tail(logFile, LOG_LINES_IN_ERRORS));
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(name + " was not ready after " + timeout.toSeconds() + " s; last lines of "
                        + logFile + ":\n" + tail(logFile, LOG_LINES_IN_ERRORS));
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + name, e);
            }
        }
    }

    /** SIGTERM to the process and its descendants; SIGKILL for what is still alive after {@code grace}. */
    public void stop(Duration grace) {
        List<ProcessHandle> all = new ArrayList<>(handle.descendants().toList());
        all.add(handle);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : all) {
            long left = deadline - System.nanoTime();
            try {
                p.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The last {@code lines} lines of a file, read from its end (logs can be large). */
    public static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = Math.max(0, length - 64 * 1024);
            byte[] buffer = new byte[(int) (length - start)];
            raf.seek(start);
            raf.readFully(buffer);
            String[] all = new String(buffer, StandardCharsets.UTF_8).split("\n");
            int from = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.asList(all).subList(from, all.length));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
