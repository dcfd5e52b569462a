package dev.newswire.ingest.api;

import dev.newswire.ingest.intake.FieldProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps request bodies: a declared {@code Content-Length} over the cap is answered 413 at once, and a
 * body without one (chunked) fails with {@link BodyTooLargeException} as soon as it passes the cap.
 * Compressed request bodies ({@code Content-Encoding} other than {@code identity}) are refused with 415:
 * nothing here inflates them, and a decompression bomb never gets a chance.
 *
 * <p>The bytes of all request bodies being read at once are bounded too ({@code inFlightBytes}): a request
 * whose next bytes do not fit fails with {@link BodiesInFlightException}, answered 503 with
 * {@code Retry-After}, so that 200 concurrent 16 MB bodies cannot exhaust the heap.
 */
public final class BodySizeFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final Semaphore inFlight;
    private final JsonMapper json;

    public BodySizeFilter(long maxBytes, long inFlightBytes, JsonMapper json) {
        this.maxBytes = maxBytes;
        this.inFlight = new Semaphore((int) Math.min(Integer.MAX_VALUE, inFlightBytes));
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            Problems.write(response, json, new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-content-encoding", "Unsupported Content Encoding", HttpHeaders.CONTENT_ENCODING
                    + ": " + encoding.strip() + " is not accepted; send the body uncompressed",
                    FieldProblem.one(HttpHeaders.CONTENT_ENCODING, "must be absent or identity"), null, null),
                    request.getRequestURI());
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            Problems.write(response, json, tooLarge(maxBytes), request.getRequestURI());
            return;
        }
        CappedRequest capped = new CappedRequest(request, maxBytes, inFlight);
        try {
            chain.doFilter(capped, response);
        } finally {
            capped.release();
        }
    }

    static ApiException busy() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
                "the service is reading as many request bodies as it holds at once; send again shortly", null, null,
                Duration.ofSeconds(2));
    }

    /** Thrown by the body stream when the bodies in flight of all requests leave no room for its next bytes. */
    public static final class BodiesInFlightException extends IOException {
        BodiesInFlightException() {
            super("too many request body bytes in flight");
        }
    }

    static ApiException tooLarge(long maxBytes) {
        return ApiException.field(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Payload Too Large", "body",
                "the request body exceeds " + maxBytes + " bytes");
    }

    /** Thrown by the capped body stream once the cap is passed. */
    public static final class BodyTooLargeException extends IOException {

        private final long maxBytes;

        BodyTooLargeException(long maxBytes) {
            super("the request body exceeds " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }

    private static final class CappedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private final Semaphore inFlight;
        private CappedStream stream;

        CappedRequest(HttpServletRequest request, long maxBytes, Semaphore inFlight) {
            super(request);
            this.maxBytes = maxBytes;
            this.inFlight = inFlight;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), maxBytes, inFlight);
            }
            return stream;
        }

        void release() {
            if (stream != null) {
                stream.release();
            }
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private final Semaphore inFlight;
        private long read;
        private int held;

        CappedStream(ServletInputStream in, long maxBytes, Semaphore inFlight) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.inFlight = inFlight;
        }

        synchronized void release() {
            inFlight.release(held);
            held = 0;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private synchronized void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
            if (!inFlight.tryAcquire(n)) {
                throw new BodiesInFlightException();
            }
            held += n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
