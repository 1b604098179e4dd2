package com.zava.retail.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The wiring starts against the real database, checks its embeddings and reports itself ready. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "zava.security.mode=trusted-header")
class ApplicationStartupIT extends SeededServerTest {

    @Test
    void livenessAndReadinessAreUp() throws Exception {
        assertThat(get("/health")).contains("\"status\":\"UP\"");
        assertThat(get("/ready")).contains("\"status\":\"UP\"");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
