package io.creditloop.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every service's door (R16): a request under {@code /api/} must carry {@code Authorization: Bearer <token>}, a token
 * the gateway signed for the services; missing, forged, expired or wrongly addressed tokens get 401 before any
 * controller runs. Paths listed as open (the public board) need none and are served to {@link Caller#PUBLIC}.
 * Paths listed as the credit office's are refused (403) to everyone else. Actuator and {@code /v3/api-docs} lie outside {@code /api/} and are not checked. Controllers get the verified
 * {@link Caller} as a method argument.
 */
public class CallerFilter extends OncePerRequestFilter {

    public static final String ATTRIBUTE = Caller.class.getName();
    private static final Logger log = LoggerFactory.getLogger(CallerFilter.class);

    private final Tokens tokens;
    private final List<String> openPaths;
    private final List<String> creditOfficePaths;
    private final AntPathMatcher matcher = new AntPathMatcher();
    /** Compiled once (issue 9: {@code String.replaceAll} compiled both on every request). */
    private static final Pattern PATH_PARAMETERS = Pattern.compile(";[^/]*");
    private static final Pattern DOUBLED_SLASHES = Pattern.compile("/{2,}");

    public CallerFilter(Tokens tokens, List<String> openPaths) {
        this(tokens, openPaths, List.of());
    }

    /** {@code creditOfficePaths}: paths only the credit office's staff (or an internal caller) may use at all. */
    public CallerFilter(Tokens tokens, List<String> openPaths, List<String> creditOfficePaths) {
        this.tokens = tokens;
        this.openPaths = List.copyOf(openPaths);
        this.creditOfficePaths = List.copyOf(creditOfficePaths);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // fail closed: the path as the container normalised it (decoded, dot segments resolved, path parameters
        // dropped) and the raw one with path parameters and doubled slashes removed must both agree it is open
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String raw = DOUBLED_SLASHES.matcher(PATH_PARAMETERS.matcher(uri).replaceAll("")).replaceAll("/")
                .toLowerCase(java.util.Locale.ROOT);
        boolean guarded = api(path) || api(raw) || raw.contains("%");
        boolean open = !guarded || (openPaths.stream().anyMatch(p -> matcher.match(p, path))
                && openPaths.stream().anyMatch(p -> matcher.match(p, raw)));
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        Caller caller;
        if (authorization == null || authorization.isBlank()) {
            if (!open) {
                refuse(response, "this resource needs a token (Authorization: Bearer ...)");
                return;
            }
            caller = Caller.PUBLIC;
        } else {
            try {
                caller = tokens.verify(Tokens.bearer(authorization), Tokens.SERVICES);
            } catch (InvalidToken e) {
                log.info("refused {} {}: {}", request.getMethod(), path, e.getMessage());
                refuse(response, e.getMessage());
                return;
            }
        }
        if (!open && caller.is(Caller.Kind.PUBLIC)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            write(response, 403, "Forbidden", "the public may not use this resource");
            return;
        }
        if (!caller.isCreditOffice() && creditOfficePaths.stream()
                .anyMatch(p -> matcher.match(p, path) || matcher.match(p, raw))) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            write(response, 403, "Forbidden", "only the credit office may use this resource");
            return;
        }
        request.setAttribute(ATTRIBUTE, caller);
        chain.doFilter(request, response);
    }

    private static boolean api(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(response, 401, "Unauthorized", detail);
    }

    private static void write(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
