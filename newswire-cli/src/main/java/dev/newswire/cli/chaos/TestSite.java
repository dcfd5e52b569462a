package dev.newswire.cli.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A hostile web site on the loopback interface, for the poison the ingest-service meets when it fetches:
 * a gzip bomb, a response that never ends, one that drips a byte a second, a 10 MB page, a feed with
 * exponential entity expansion, a feed of 100,000 items, a redirect to a link-local address. The stack
 * under test is started with {@code NEWSWIRE_FETCH_ALLOWED_ADDRESSES=127.0.0.1/32}, so that this site,
 * and no other loopback address, is fetchable.
 */
final class TestSite implements AutoCloseable {

    /** Size of the gzip bomb once inflated. */
    static final long BOMB_INFLATED_BYTES = 512L * 1024 * 1024;

    /** Items of the huge feed. */
    static final int HUGE_FEED_ITEMS = 100_000;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "chaos-site");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    private byte[] bomb;
    private byte[] hugeFeed;

    TestSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/gzip-bomb.html" -> gzipBomb(exchange);
                case "/never-ending.html" -> neverEnding(exchange);
                case "/slow-drip.html" -> slowDrip(exchange);
                case "/page-10mb.html" -> fixed(exchange, "text/html; charset=utf-8", tenMegabytePage());
                case "/billion-laughs.xml" -> fixed(exchange, "application/rss+xml", billionLaughs());
                case "/feed-100k.xml" -> fixed(exchange, "application/rss+xml", hugeFeed());
                case "/bad-charset.html" -> {
                    // The header's value as bytes: HttpServer writes header values as ISO-8859-1.
                    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf\u00ff-8");
                    byte[] page = ("<html><head><title>Charset</title></head><body><article><p>The council met on "
                            + "Tuesday.</p><p>It approved the budget.</p></article></body></html>").getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, page.length);
                    exchange.getResponseBody().write(page);
                }
                case "/redirect-link-local.html" -> {
                    exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                    exchange.sendResponseHeaders(302, -1);
                }
                default -> exchange.sendResponseHeaders(404, -1);
            }
        } catch (IOException e) {
            // The client hung up: that is what the hostile responses are for.
        }
    }

    private static void fixed(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private void gzipBomb(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        byte[] body = bomb();
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Chunked, 64 KiB at a time, until the client hangs up (or 4 GiB, so that nothing runs for ever). */
    private void neverEnding(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("<html><head><title>Never ending</title></head><body><p>".getBytes(StandardCharsets.UTF_8));
        byte[] block = ("news ".repeat(64 * 1024 / 5)).getBytes(StandardCharsets.UTF_8);
        for (long sent = 0; sent < 4L << 30 && !closed; sent += block.length) {
            out.write(block);
        }
    }

    /** One byte a second, for at most ten minutes. */
    private void slowDrip(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < 600 && !closed; i++) {
            out.write('<');
            out.flush();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized byte[] bomb() throws IOException {
        if (bomb == null) {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            }) {
                gzip.write("<html><body><p>".getBytes(StandardCharsets.UTF_8));
                byte[] zeros = new byte[1 << 20];
                Arrays.fill(zeros, (byte) ' ');
                for (long n = 0; n < BOMB_INFLATED_BYTES; n += zeros.length) {
                    gzip.write(zeros);
                }
            }
            bomb = compressed.toByteArray();
        }
        return bomb;
    }

    static byte[] tenMegabytePage() {
        StringBuilder page = new StringBuilder(10 * 1024 * 1024 + 1024)
                .append("<html><head><title>A page of ten megabytes</title></head><body><article>");
        String paragraph = "<p>" + "The council met on Tuesday to discuss the budget for the coming year. ".repeat(14) + "</p>\n";
        while (page.length() < 10 * 1024 * 1024) {
            page.append(paragraph);
        }
        return page.append("</article></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The classic: ten levels of ten references each, 10^9 copies of "lol" if a parser expands them. */
    static byte[] billionLaughs() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n <!ENTITY lol \"lol\">\n");
        for (int level = 1; level <= 9; level++) {
            xml.append(" <!ENTITY lol").append(level).append(" \"");
            for (int i = 0; i < 10; i++) {
                xml.append("&lol").append(level == 1 ? "" : String.valueOf(level - 1)).append(';');
            }
            xml.append("\">\n");
        }
        xml.append("]>\n<rss version=\"2.0\"><channel><title>Laughs</title><link>https://example.org/</link>")
                .append("<description>d</description><item><title>&lol9;</title>")
                .append("<link>https://example.org/laughs</link><description>&lol9;</description></item></channel></rss>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private synchronized byte[] hugeFeed() {
        if (hugeFeed == null) {
            StringBuilder xml = new StringBuilder(HUGE_FEED_ITEMS * 120).append("<?xml version=\"1.0\"?>\n")
                    .append("<rss version=\"2.0\"><channel><title>Huge</title><link>https://example.org/</link>")
                    .append("<description>A feed of ").append(HUGE_FEED_ITEMS).append(" items</description>\n");
            for (int i = 0; i < HUGE_FEED_ITEMS; i++) {
                // Short items, so that the feed stays under the fetcher's size limit and its item count is what is tried.
                xml.append("<item><link>http://e.io/").append(i).append("</link><description>")
                        .append(i).append("</description></item>\n");
            }
            hugeFeed = xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
        }
        return hugeFeed;
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
