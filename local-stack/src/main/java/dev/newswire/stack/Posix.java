package dev.newswire.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.stream.Stream;

/** The little of POSIX the stack needs: who we are, whether another user can reach a path, deleting trees. */
public final class Posix {

    private Posix() {
    }

    /** Whether this JVM runs as root (uid 0). */
    public static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether another user (e.g. {@code nobody}) can reach {@code path}: every existing ancestor is world-searchable. */
    public static boolean reachableByOthers(Path path) {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                        return false;
                    }
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Deletes a directory tree as far as it can; returns whether nothing is left. */
    public static boolean deleteTree(Path root) {
        if (!Files.exists(root)) {
            return true;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // go on: the caller learns from the result that something is left
                }
            });
        } catch (IOException e) {
            return false;
        }
        return !Files.exists(root);
    }
}
