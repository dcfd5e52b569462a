package dev.newswire.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port helpers: free ports for tests, clear errors for ports already taken. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago on the loopback interface. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    /**
     * A free port whose neighbour at {@code offset} is free too, for a part that takes two (Kafka's
     * controller at +1, Elasticsearch's transport at +100).
     */
    public static int freePair(int offset) {
        for (int i = 0; i < 50; i++) {
            int port = free();
            if (port + offset < 65536 && !isOpen(port + offset)) {
                try (ServerSocket ignored = new ServerSocket(port + offset, 1, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException e) {
                    // taken: try another
                }
            }
        }
        throw new IllegalStateException("no free pair of ports on loopback");
    }

    /** Whether something accepts connections on the loopback port. */
    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a message naming the port and the part that needs it, if the port is taken. */
    public static void requireFree(int port, String part) {
        if (isOpen(port)) {
            throw new StackException("port " + port + " needed by " + part + " is already in use"
                    + " (another process listens on it; stop it or choose another port)");
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StackException("port " + port + " needed by " + part + " cannot be bound: " + e.getMessage());
        }
    }
}
