package io.creditloop.sanction.dashboard.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * R8: the credit office's dashboard, {@code /dashboard/}: static HTML, CSS and a small script over the dashboard API
 * ({@code static/dashboard/}), nothing loaded from elsewhere. Routed through the gateway like the API.
 */
@Configuration(proxyBeanMethods = false)
class DashboardPageConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/dashboard", "/dashboard/");
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    }
}
