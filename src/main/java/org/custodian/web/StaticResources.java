package org.custodian.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves our stylesheet and htmx with browser caching, so pages after the first load fast. htmx is
 * served at a version-free address ({@value #HTMX_PATH}) from whichever webjar version is on the
 * classpath, without needing a webjars locator.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {
    static final String HTMX_PATH = "/webjars/htmx.org/dist/htmx.min.js";
    private static final String HTMX_POM = "META-INF/maven/org.webjars.npm/htmx.org/pom.properties";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**")
                .addResourceLocations("classpath:/static/css/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
        registry.addResourceHandler("/webjars/htmx.org/dist/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/htmx.org/" + htmxVersion() + "/dist/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    }

    private static String htmxVersion() {
        try (InputStream in = StaticResources.class.getClassLoader().getResourceAsStream(HTMX_POM)) {
            if (in == null) {
                throw new IllegalStateException("the htmx webjar (org.webjars.npm:htmx.org) is not on the classpath");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + HTMX_POM, e);
        }
    }
}
