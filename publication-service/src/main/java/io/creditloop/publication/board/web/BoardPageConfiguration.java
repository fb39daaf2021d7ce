package io.creditloop.publication.board.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * R7: the public web page, {@code /board/}: static HTML, CSS and a small script over the JSON API
 * ({@code static/board/}), no login. Routed through the gateway like the API.
 */
@Configuration(proxyBeanMethods = false)
class BoardPageConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/board", "/board/");
        registry.addViewController("/board/").setViewName("forward:/board/index.html");
    }
}
