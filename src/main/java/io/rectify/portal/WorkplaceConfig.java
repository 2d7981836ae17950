package io.rectify.portal;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The settings of the office's workplace pages: upload limits (also for the servlet's multipart parsing) and lights.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({UploadLimits.class, LightSettings.class})
class WorkplaceConfig {

    /** Replaces Spring Boot's multipart settings: what a request may carry follows {@code rectify.upload.max-size}. */
    @Bean
    MultipartConfigElement multipartConfigElement(UploadLimits limits) {
        return limits.multipartConfig();
    }

    /** Before Spring Security, so an oversize upload is refused for its size, not for a CSRF token it never got to. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadLimitFilter(UploadLimits limits) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(limits.filter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }
}
