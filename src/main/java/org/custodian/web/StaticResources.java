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
 * Serves our stylesheet and scripts, htmx and ECharts with browser caching, so pages after the
 * first load fast. Webjars are served at version-free addresses (e.g. {@value #HTMX_PATH}) from
 * whichever webjar version is on the classpath, without needing a webjars locator.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {
    static final String HTMX_PATH = "/webjars/htmx.org/dist/htmx.min.js";
    static final String ECHARTS_PATH = "/webjars/echarts/dist/echarts.common.min.js";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**")
                .addResourceLocations("classpath:/static/css/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
        registry.addResourceHandler("/js/**")
                .addResourceLocations("classpath:/static/js/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
        webjar(registry, "htmx.org");
        webjar(registry, "echarts");
    }

    private static void webjar(ResourceHandlerRegistry registry, String artifact) {
        registry.addResourceHandler("/webjars/" + artifact + "/dist/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/" + artifact + "/"
                        + webjarVersion(artifact) + "/dist/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    }

    private static String webjarVersion(String artifact) {
        String pomProperties = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = StaticResources.class.getClassLoader().getResourceAsStream(pomProperties)) {
            if (in == null) {
                throw new IllegalStateException("the " + artifact + " webjar (org.webjars.npm:" + artifact
                        + ") is not on the classpath");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + pomProperties, e);
        }
    }
}
