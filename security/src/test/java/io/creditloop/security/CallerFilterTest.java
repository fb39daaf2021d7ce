package io.creditloop.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** R16: the service's door refuses what it cannot verify, and cannot be walked around by spelling the path oddly. */
class CallerFilterTest {

    private final Tokens tokens = new Tokens(TokenKeys.development());
    private final CallerFilter filter = new CallerFilter(tokens, List.of("/api/board", "/api/board/**"),
            List.of("/api/sanction/dashboard/**"));

    private MockHttpServletResponse run(String uri, String servletPath, String token) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setServletPath(servletPath);
        if (token != null) {
            request.addHeader("Authorization", "Bearer " + token);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private String token(Caller caller) {
        return tokens.mint(caller, Tokens.SERVICES, Duration.ofMinutes(1));
    }

    @Test
    void apiNeedsAToken() throws Exception {
        assertThat(run("/api/listings", "/api/listings", null).getStatus()).isEqualTo(401);
        assertThat(run("/api/listings", "/api/listings", "x.y.z").getStatus()).isEqualTo(401);
        assertThat(run("/api/listings", "/api/listings", token(Caller.department("tax", "t"))).getStatus())
                .isEqualTo(200);
        assertThat(run("/actuator/health", "/actuator/health", null).getStatus()).isEqualTo(200);
    }

    @Test
    void oddSpellingsOfAGuardedPathAreGuarded() throws Exception {
        assertThat(run("/api;jsessionid=1/listings", "/api/listings", null).getStatus()).isEqualTo(401);
        assertThat(run("//api/listings", "/api/listings", null).getStatus()).isEqualTo(401);
        assertThat(run("/%61pi/listings", "/api/listings", null).getStatus()).isEqualTo(401);
        assertThat(run("/API/listings", "/API/listings", null).getStatus()).isEqualTo(401);
        assertThat(run("/api/board/..;/releases", "/api/releases", null).getStatus()).isEqualTo(401);
    }

    @Test
    void theBoardIsOpenAndTheDashboardTheCreditOffices() throws Exception {
        assertThat(run("/api/board", "/api/board", null).getStatus()).isEqualTo(200);
        assertThat(run("/api/board/feed.atom", "/api/board/feed.atom", null).getStatus()).isEqualTo(200);
        assertThat(run("/api/sanction/dashboard/summary", "/api/sanction/dashboard/summary",
                token(Caller.agency("tax", "t"))).getStatus()).isEqualTo(403);
        assertThat(run("/api/sanction/dashboard/summary", "/api/sanction/dashboard/summary",
                token(Caller.creditOffice("staff"))).getStatus()).isEqualTo(200);
        assertThat(run("/api/sanction/tasks", "/api/sanction/tasks", token(Caller.PUBLIC)).getStatus())
                .isEqualTo(403);
    }
}
