package io.creditloop.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 9, hostile input: control characters are refused, ordinary text (with tabs and line breaks) is not; in request
 * parameters, multipart text fields (not file parts) and JSON texts.
 */
class ControlCharactersTest {

    @Test
    void findsControlCharactersButNotTabsAndLineBreaks() {
        assertThat(ControlCharacters.find("黄石市\t第一行\r\n第二行")).isEqualTo(-1);
        assertThat(ControlCharacters.find(null)).isEqualTo(-1);
        assertThat(ControlCharacters.find("ab\u0000")).isEqualTo(2);
        assertThat(ControlCharacters.find("\u001b[31m")).isZero();
        assertThat(ControlCharacters.find("x\u007f")).isEqualTo(1);
    }

    @Test
    void jsonTextsWithAControlCharacterAreRefusedNamingTheField() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new SimpleModule()
                .addDeserializer(String.class, new ControlCharacters.Strings()));
        assertThatThrownBy(() -> json.readValue("{\"reason\":\"偷税\\u0000\"}", Reason.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("reason")
                .hasMessageNotContaining("偷税");
        assertThat(json.readValue("{\"reason\":\"偷税\\n漏税\"}", Reason.class).reason()).isEqualTo("偷税\n漏税");
        assertThat(json.readValue("{\"a\":\"b\"}", Map.class)).containsEntry("a", "b");
    }

    record Reason(String reason) {
    }

    /** A service's multipart endpoint (an objection's reason with its evidence file), with the interceptor on. */
    @RestController
    static class EvidenceEndpoint {
        @PostMapping(path = "/api/repair/objections/7/evidence", produces = "text/plain;charset=UTF-8")
        String evidence(@RequestParam String reason, @RequestParam MultipartFile file) {
            return reason + ":" + file.getSize();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new EvidenceEndpoint())
            .addInterceptors(new ControlCharacters.MultipartFields())
            .defaultResponseCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8).build();

    private static final MockMultipartFile BINARY_FILE = new MockMultipartFile("file", "scan.pdf",
            "application/pdf", new byte[]{'%', 'P', 'D', 'F', 0, 1, 2, 0x1b, 0x7f});

    @Test
    void multipartTextFieldsWithAControlCharacterAreRefusedNamingTheField() throws Exception {
        mvc.perform(multipart("/api/repair/objections/7/evidence").file(BINARY_FILE).param("reason", "偷税\u0000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("multipart field reason holds a control character"));
        mvc.perform(multipart("/api/repair/objections/7/evidence").file(BINARY_FILE).param("reason", "ok")
                        .param("note\u001b", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("multipart field ? holds a control character"));
    }

    @Test
    void multipartFilePartsAreDataAndOrdinaryTextPasses() throws Exception {
        mvc.perform(multipart("/api/repair/objections/7/evidence").file(BINARY_FILE)
                        .param("reason", "偷税\t第一行\r\n第二行"))
                .andExpect(status().isOk())
                .andExpect(content().string("偷税\t第一行\r\n第二行:9"));
    }

    @Test
    void theFilterLeavesMultipartToTheInterceptorButChecksOtherRequests() throws Exception {
        ControlCharacters.Filter filter = new ControlCharacters.Filter();
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/api/listings");
        form.addParameter("q", "a\u0000");
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(form, refused, new MockFilterChain());
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("request parameter q holds a control character");

        MockHttpServletRequest upload = new MockHttpServletRequest("POST", "/api/listings");
        upload.setContentType("multipart/form-data; boundary=x");
        upload.addParameter("q", "a\u0000");
        MockHttpServletResponse passed = new MockHttpServletResponse();
        filter.doFilter(upload, passed, new MockFilterChain());
        assertThat(passed.getStatus()).isEqualTo(200);
    }
}
