package dev.newswire.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class BodySizeFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void bodiesReadAtOnceAreBoundedAndTheirBytesAreGivenBackWhenARequestEnds() throws Exception {
        BodySizeFilter filter = new BodySizeFilter(100, 150, JSON);
        CountDownLatch firstHasRead = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // The first request reads its 100 bytes and holds them until the second has tried.
            Future<?> first = pool.submit(() -> {
                filter.doFilter(post(100), new MockHttpServletResponse(), (FilterChain) (req, res) -> {
                    req.getInputStream().readAllBytes();
                    firstHasRead.countDown();
                    try {
                        secondDone.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                return null;
            });
            firstHasRead.await();

            assertThatThrownBy(() -> filter.doFilter(post(100), new MockHttpServletResponse(),
                    (req, res) -> req.getInputStream().readAllBytes()))
                    .isInstanceOf(BodySizeFilter.BodiesInFlightException.class);
            secondDone.countDown();
            first.get();
        } finally {
            pool.shutdownNow();
        }

        MockHttpServletRequest third = post(100);
        filter.doFilter(third, new MockHttpServletResponse(), (req, res) ->
                assertThat(req.getInputStream().readAllBytes()).hasSize(100));
    }

    @Test
    void aGzippedBodyIsRefusedWith415() throws Exception {
        MockHttpServletRequest request = post(10);
        request.addHeader("Content-Encoding", "gzip");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new BodySizeFilter(100, 1000, JSON).doFilter(request, response, (req, res) -> {
            throw new AssertionError("must not reach the application");
        });

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }

    private static MockHttpServletRequest post(int bytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/articles");
        request.setContent(new byte[bytes]);
        return request;
    }
}
