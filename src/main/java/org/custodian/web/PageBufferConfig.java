package org.custodian.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page is held whole in the response buffer until the request is done, and then sent with its
 * Content-Length. Spring Session saves the session when the response commits; Thymeleaf flushed each
 * page once written, which committed it early, and the session filter's final save then read the
 * session from the database a second time. So, inside the session filter, explicit flushes are
 * ignored and the buffer holds 64 KB (the chart is 35–45 KB): the session is read once and saved once
 * per request. Larger answers (a whole long chart, downloads) still stream, as Tomcat sends a full
 * buffer by itself. Nothing in Custodian streams by flushing (no server-sent events).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PageBufferConfig {
    static final int PAGE_BUFFER_BYTES = 64 * 1024;

    @Bean
    FilterRegistrationBean<PageBufferFilter> pageBufferFilter() {
        FilterRegistrationBean<PageBufferFilter> registration = new FilterRegistrationBean<>(new PageBufferFilter());
        // just inside the session filter, so its response wrapper never sees the page's flush
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }

    static final class PageBufferFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (response.getBufferSize() < PAGE_BUFFER_BYTES) {
                response.setBufferSize(PAGE_BUFFER_BYTES);
            }
            chain.doFilter(request, new FlushWhenDone(response));
        }
    }

    /** A response whose explicit flushes wait for the end of the request; Tomcat still sends a full buffer. */
    static final class FlushWhenDone extends HttpServletResponseWrapper {
        private PrintWriter writer;
        private ServletOutputStream stream;

        FlushWhenDone(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void flushBuffer() {
            // sent when the request is done
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new NoFlushWriter(super.getWriter()));
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new NoFlushStream(super.getOutputStream());
            }
            return stream;
        }
    }

    private static final class NoFlushWriter extends Writer {
        private final Writer target;

        NoFlushWriter(Writer target) {
            this.target = target;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            target.write(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            target.write(text, offset, length);
        }

        @Override
        public void write(int c) throws IOException {
            target.write(c);
        }

        @Override
        public void flush() {
            // sent when the request is done
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }

    private static final class NoFlushStream extends ServletOutputStream {
        private final ServletOutputStream target;

        NoFlushStream(ServletOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // sent when the request is done
        }

        @Override
        public void close() throws IOException {
            target.close();
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }
}
