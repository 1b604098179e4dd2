package com.zava.retail.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * jwt mode end to end: tokens signed with a key pair made here, the JWKS served from here on
 * loopback; nothing leaves the machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "zava.security.mode=jwt")
class JwtHttpIT extends SeededServerTest {

    private static final String ISSUER = "https://login.zava.example/";
    private static final String AUDIENCE = "zava-retail-mcp";
    private static final String SQL = "SELECT count(DISTINCT store_id) FROM retail.orders";

    @Autowired
    MeterRegistry meters;

    /** The authorization server's signing key and its JWKS endpoint, started once. */
    private static final class AuthorizationServer {
        static final KeyPair KEYS = rsa();
        static final KeyPair OTHER_KEYS = rsa();
        static final HttpServer JWKS = serveJwks();

        static KeyPair rsa() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static HttpServer serveJwks() {
            try {
                String jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyID("test-key").build())
                        .toString();
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/jwks", exchange -> {
                    byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                return server;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static String jwksUri() {
            return "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks";
        }
    }

    @DynamicPropertySource
    static void authorizationServer(DynamicPropertyRegistry registry) {
        registry.add("zava.security.jwt.issuer", () -> ISSUER);
        registry.add("zava.security.jwt.audience", () -> AUDIENCE);
        registry.add("zava.security.jwt.jwks-uri", AuthorizationServer::jwksUri);
    }

    @Test
    void aValidTokenSeesItsManagersStoresOnly() {
        assertThat(distinctStores(token(claims -> claims.claim("zava_manager_id", SeededDatabase.SEATTLE)))).isEqualTo(1);
        assertThat(distinctStores(token(claims -> claims.claim("zava_manager_id", SeededDatabase.HEAD_OFFICE))))
                .isEqualTo(8);
    }

    @Test
    void everyKindOfBadTokenGets401WithAPointerToTheMetadata() throws Exception {
        double failuresBefore = meters.get("zava.auth.failures").counter().count();
        List<String> bad = List.of(
                token(c -> c.claim("zava_manager_id", SeededDatabase.SEATTLE).expirationTime(Date.from(
                        Instant.now().minusSeconds(3600)))),
                token(c -> c.claim("zava_manager_id", SeededDatabase.SEATTLE).audience("someone-else")),
                token(c -> c.claim("zava_manager_id", SeededDatabase.SEATTLE).issuer("https://evil.example/")),
                signed(AuthorizationServer.OTHER_KEYS, c -> c.claim("zava_manager_id", SeededDatabase.SEATTLE)),
                token(c -> { }),
                token(c -> c.claim("zava_manager_id", "head-office")),
                "not.a.jwt",
                "");
        for (String token : bad) {
            HttpResponse<String> response = McpClients.post(port, initialize(), Map.of("Authorization", "Bearer " + token));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value)
                    .contains("resource_metadata=\"http://127.0.0.1:" + port + "/.well-known/oauth-protected-resource\""));
            assertThat(response.body()).doesNotContain("result");
        }
        assertThat(McpClients.post(port, initialize(), Map.of()).statusCode()).isEqualTo(401);
        assertThat(meters.get("zava.auth.failures").counter().count() - failuresBefore).isEqualTo(bad.size() + 1);
    }

    @Test
    void protectedResourceMetadataNamesTheAuthorizationServerWithoutAuthentication() throws Exception {
        HttpResponse<String> metadata = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/.well-known/oauth-protected-resource")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("\"authorization_servers\":[\"" + ISSUER + "\"]")
                .contains("\"resource\":\"http://127.0.0.1:" + port + "/mcp\"");
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/ready")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    private long distinctStores(String token) {
        try (McpSyncClient client = McpClients.http(port, Map.of("Authorization", "Bearer " + token))) {
            McpSchema.CallToolResult result = McpClients.call(client, "execute_sales_query", Map.of("postgresql_query", SQL));
            @SuppressWarnings("unchecked")
            List<List<Object>> rows = (List<List<Object>>) ((Map<String, Object>) result.structuredContent()).get("r");
            return ((Number) rows.get(0).get(0)).longValue();
        }
    }

    private static String token(Consumer<JWTClaimsSet.Builder> claims) {
        return signed(AuthorizationServer.KEYS, claims);
    }

    private static String signed(KeyPair keys, Consumer<JWTClaimsSet.Builder> customise) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(ISSUER).audience(AUDIENCE).subject("manager@zava.example")
                    .issueTime(new Date()).notBeforeTime(Date.from(Instant.now().minusSeconds(5)))
                    .expirationTime(Date.from(Instant.now().plusSeconds(600)));
            customise.accept(claims);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test-key")
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String initialize() {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    }
}
