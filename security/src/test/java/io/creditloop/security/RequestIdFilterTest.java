package io.creditloop.security;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTest {

    @Test
    @DisplayName("the gateway's request id is in the MDC while the request is handled, echoed, and gone afterwards")
    void requestIdInTheLogs() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/listings/1");
        request.addHeader(RequestIdFilter.HEADER, "dept-tax-000123");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RequestIdFilter().doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                                   jakarta.servlet.http.HttpServletResponse res) {
                seen.set(MDC.get(RequestIdFilter.MDC_KEY));
            }
        }));

        assertThat(seen.get()).isEqualTo("dept-tax-000123");
        assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("dept-tax-000123");
        assertThat(MDC.get(RequestIdFilter.MDC_KEY)).isNull();
    }

    @Test
    @DisplayName("an id that is not a sane token is replaced, never logged")
    void insaneIdReplaced() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/board");
        request.addHeader(RequestIdFilter.HEADER, "bad id\n; forged log line");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RequestIdFilter().doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeader(RequestIdFilter.HEADER)).doesNotContain("forged").matches("[0-9a-f-]{36}");
    }
}
