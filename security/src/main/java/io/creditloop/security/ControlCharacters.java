package io.creditloop.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Issue 9, hostile input: text with a control character other than tab, line feed and carriage return is refused at
 * the door, in request parameters ({@link Filter}: 400 problem) and in JSON bodies ({@link Strings}: Jackson's
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
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                boolean bad = find(parameter.getKey()) >= 0;
                for (String value : parameter.getValue()) {
                    bad |= find(value) >= 0;
                }
                if (bad) {
                    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                    response.setContentType("application/problem+json");
                    String name = find(parameter.getKey()) >= 0 ? "?" : parameter.getKey().replaceAll("[^A-Za-z0-9_.-]", "");
                    response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                            + "\"detail\":\"request parameter " + name + " holds a control character\"}")
                            .getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            chain.doFilter(request, response);
        }

        /**
         * API requests only; multipart bodies are left to the service (reading their parameters here would parse an
         * upload before the service's own size limits and streaming get to it).
         */
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String type = request.getContentType();
            return !request.getRequestURI().startsWith("/api/")
                    || type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
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
