package io.creditloop.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Issue 9, hostile input: text with a control character other than tab, line feed and carriage return is refused at
 * the door, in request parameters ({@link Filter}: 400 problem), in the text fields of multipart forms
 * ({@link MultipartFields}: the same 400, file parts are data and not looked at) and in JSON bodies ({@link Strings}: Jackson's
 * refusal, a 400 from each service's own error handling). A NUL cannot even be stored in PostgreSQL text, so without
 * this it reached the database as a 500; the other control characters are never data a clerk typed.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Where in {@code text} the first refused control character is, or -1. */
    public static int find(String text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }

    /** Refuses a request whose parameter names or values hold a control character, before anything reads them. */
    public static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String refused = refusedParameter(request.getParameterMap());
            if (refused != null) {
                refuse(response, "request parameter", refused);
                return;
            }
            chain.doFilter(request, response);
        }

        /**
         * API requests only; multipart bodies are left to the service (reading their parameters here would parse an
         * upload before the service's own size limits and streaming get to it): {@link MultipartFields} checks them.
         */
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String type = request.getContentType();
            return !request.getRequestURI().startsWith("/api/")
                    || type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        }
    }

    /** The first parameter whose name or a value holds a control character, or null. */
    static String refusedParameter(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            boolean bad = find(parameter.getKey()) >= 0;
            for (String value : parameter.getValue()) {
                bad |= find(value) >= 0;
            }
            if (bad) {
                return parameter.getKey();
            }
        }
        return null;
    }

    /** 400, RFC 7807, naming the field (only its safe characters; never its text). */
    static void refuse(HttpServletResponse response, String what, String field) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/problem+json");
        String name = find(field) >= 0 ? "?" : field.replaceAll("[^A-Za-z0-9_.-]", "");
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"" + what + " " + name + " holds a control character\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The text fields of a multipart form (e.g. an objection's reason sent with its evidence), checked once the
     * service itself has parsed the form within its own size limits, before the controller gets them. File parts are
     * not parameters and are not looked at; the query string's parameters are checked here too.
     */
    public static final class MultipartFields implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws IOException {
            if (WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class) == null) {
                return true;
            }
            String refused = refusedParameter(request.getParameterMap());
            if (refused != null) {
                refuse(response, "multipart field", refused);
                return false;
            }
            return true;
        }
    }

    /** Jackson's text values, refusing a control character (the message names the field, never the text). */
    public static final class Strings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (find(text) >= 0) {
                return (String) context.handleWeirdStringValue(String.class, "[refused]",
                        "a control character in the text of field '%s'", parser.currentName());
            }
            return text;
        }
    }
}
