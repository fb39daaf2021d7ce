package io.creditloop.testsupport;

import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestTemplate;

/**
 * Registered in every {@code @SpringBootTest} context of a module with the security jar: REST templates built there
 * (among them the test's {@code TestRestTemplate}) send an internal caller's token unless a request carries its own
 * {@code Authorization}. Tests of refusals use their own client or set the caller's token explicitly.
 */
class DefaultTestToken implements RestTemplateCustomizer {

    @Override
    public void customize(RestTemplate restTemplate) {
        restTemplate.getInterceptors().add((request, body, execution) -> {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().setBearerAuth(TestTokens.internal());
            }
            return execution.execute(request, body);
        });
    }
}
