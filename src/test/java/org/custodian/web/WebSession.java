package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client against the running server, one step at a time like a browser
 * without JavaScript: redirects are returned, not followed, so tests can check where they point.
 */
final class WebSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String lastBody = "";

    WebSession(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A fresh session signed in as the user; fails the test if the sign-in did not succeed. */
    static WebSession signedIn(int port, String username, String password) {
        WebSession session = new WebSession(port);
        Page result = session.signIn(username, password);
        assertThat(result.location()).as("sign-in of " + username).doesNotContain("/login");
        return session;
    }

    Page signIn(String username, String password) {
        get("/login");
        return postWithToken("/login", Map.of("username", username, "password", password));
    }

    Page get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** The bytes of a download (a ZIP, a PDF); fails the test unless the answer is 200. */
    byte[] download(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Follows redirects from {@code path} and returns the final page. */
    Page open(String path) {
        Page page = get(path);
        for (int hops = 0; page.isRedirect() && hops < 5; hops++) {
            page = get(page.location());
        }
        return page;
    }

    /** Posts the form as the last page's form would, with its CSRF token. */
    Page postWithToken(String path, Map<String, String> fields) {
        Matcher token = CSRF.matcher(lastBody);
        assertThat(token.find()).as("the last page has a form with a CSRF token").isTrue();
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", token.group(1));
        return post(path, withToken);
    }

    /** Like {@link #postWithToken} with extra request headers (e.g. HX-Request for an htmx fragment). */
    Page postWithTokenAs(String path, Map<String, String> fields, String... headers) {
        Matcher token = CSRF.matcher(lastBody);
        assertThat(token.find()).as("the last page has a form with a CSRF token").isTrue();
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", token.group(1));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(withToken)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    Page post(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION") || c.getName().equals("JSESSIONID"))
                .map(c -> c.getValue()).findFirst().orElse(null);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            lastBody = response.body();
            return new Page(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        String target = path.startsWith("http") ? path : "http://localhost:" + port + path;
        return URI.create(target);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Page(int status, String body, HttpHeaders headers) {
        boolean isRedirect() {
            return status / 100 == 3;
        }

        String location() {
            return headers.firstValue("Location").orElse("");
        }

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }
}
