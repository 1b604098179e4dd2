package com.zava.retail.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;

/** API-key mode end to end: keys made with the real 'keys' command decide what a caller sees. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "zava.security.mode=api-key")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiKeyHttpIT extends SeededServerTest {

    private static final Pattern KEY = Pattern.compile("zava_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    private static final String SQL = "SELECT count(*), count(DISTINCT store_id) FROM retail.orders";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    private static String seattleKey;
    private static String headOfficeKey;

    @BeforeAll
    static void createKeys() {
        seattleKey = createKey(SeededDatabase.SEATTLE, "Seattle laptop");
        headOfficeKey = createKey(SeededDatabase.HEAD_OFFICE, "Head office analyst");
    }

    @Test
    @Order(1)
    void aStoreKeySeesOnlyItsStoreAndHeadOfficeSeesAll() throws Exception {
        assertThat(countsWith(seattleKey)).isEqualTo(SeededDatabase.query(database, SeededDatabase.SEATTLE, SQL).get(0)
                .stream().map(v -> ((Number) v).longValue()).toList()).element(1).isEqualTo(1L);
        assertThat(countsWith(headOfficeKey).get(1)).isEqualTo(8L);
    }

    @Test
    @Order(2)
    void everyKindOfBadCredentialGets401AndNoData() throws Exception {
        String wellFormedUnknown = "zava_000000000000_" + "A".repeat(43);
        String wrongSecret = seattleKey.substring(0, 18) + "B".repeat(43);
        for (Map<String, String> headers : List.of(
                Map.<String, String>of(),
                Map.of("Authorization", "Bearer"),
                Map.of("Authorization", "Basic dXNlcjpwYXNz"),
                Map.of("Authorization", "Bearer not-a-key"),
                Map.of("Authorization", "Bearer " + wellFormedUnknown),
                Map.of("Authorization", "Bearer " + wrongSecret),
                Map.of("x-rls-user-id", SeededDatabase.HEAD_OFFICE))) {
            HttpResponse<String> response = post(headers);
            assertThat(response.statusCode()).as(headers.toString()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Bearer realm=\"zava-retail-mcp\""));
            assertThat(response.body()).doesNotContain("result").contains("A valid API key is required");
        }
    }

    @Test
    @Order(3)
    void aRevokedKeyStopsWorking() throws Exception {
        String key = createKey(SeededDatabase.REDMOND, "to be revoked");
        assertThat(post(Map.of("Authorization", "Bearer " + key)).statusCode()).isEqualTo(200);
        String keyId = key.substring(5, 17);
        CommandLineRun revoke = CommandLineRun.of(database, "keys", "revoke", keyId);
        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        // The server trusts a looked-up key record for a few seconds; after that the revocation holds.
        long deadline = System.nanoTime() + com.zava.retail.application.service.ApiKeyService.RECORD_TTL
                .plusSeconds(3).toNanos();
        int status = post(Map.of("Authorization", "Bearer " + key)).statusCode();
        while (status != 401 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = post(Map.of("Authorization", "Bearer " + key)).statusCode();
        }
        assertThat(status).isEqualTo(401);
        CommandLineRun list = CommandLineRun.of(database, "keys", "list");
        assertThat(list.out()).contains(keyId).contains("to be revoked").contains("Seattle laptop")
                .doesNotContain(seattleKey);
        assertThat(CommandLineRun.of(database, "keys", "revoke", "000000000000").err()).contains("No API key");
    }

    @Test
    @Order(4)
    void firstRunDevelopmentSetupWritesAWorkingVsCodeConfigurationOnce(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path folder) throws Exception {
        java.nio.file.Path file = folder.resolve(".vscode").resolve("mcp.json");
        CommandLineRun setup = CommandLineRun.of(database, "keys", "dev-setup", "--write", file.toString());
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        String json = java.nio.file.Files.readString(file);
        assertThat(json).contains("zava-head-office", "zava-seattle", "zava-online", "zava-seattle-stdio",
                "Authorization", "http://127.0.0.1:8000/mcp");
        Matcher keys = KEY.matcher(json);
        int found = 0;
        while (keys.find()) {
            found++;
            assertThat(post(Map.of("Authorization", "Bearer " + keys.group())).statusCode()).isEqualTo(200);
        }
        assertThat(found).isEqualTo(9);
        CommandLineRun again = CommandLineRun.of(database, "keys", "dev-setup", "--write", file.toString());
        assertThat(again.out()).contains("already exists");
        assertThat(java.nio.file.Files.readString(file)).isEqualTo(json);
    }

    /** The limit lives in the shared test Redis: give the next test a clean address again. */
    @org.junit.jupiter.api.AfterAll
    static void forgetFailedAuthentications() {
        com.zava.retail.testsupport.TestServices.redis().deleteKeys("zava:v1:rl:failed-authentications:*");
    }

    @Test
    @Order(5)
    void anAddressThatKeepsFailingIsSlowedDown() throws Exception {
        forgetFailedAuthentications();
        HttpResponse<String> last = null;
        for (int i = 0; i < 25 && (last == null || last.statusCode() != 429); i++) {
            last = post(Map.of("Authorization", "Bearer zava_000000000000_" + "C".repeat(43)));
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        // Even a valid key waits: the limit is on the address, which is what guessing keys uses.
        assertThat(post(Map.of("Authorization", "Bearer " + seattleKey)).statusCode()).isEqualTo(429);
    }

    private List<Long> countsWith(String key) {
        try (McpSyncClient client = McpClients.http(port, Map.of("Authorization", "Bearer " + key))) {
            McpSchema.CallToolResult result = McpClients.call(client, "execute_sales_query", Map.of("postgresql_query", SQL));
            @SuppressWarnings("unchecked")
            List<List<Object>> rows = (List<List<Object>>) ((Map<String, Object>) result.structuredContent()).get("r");
            return rows.get(0).stream().map(v -> ((Number) v).longValue()).toList();
        }
    }

    private HttpResponse<String> post(Map<String, String> headers) throws Exception {
        return McpClients.post(port, INITIALIZE, headers);
    }

    private static String createKey(String manager, String label) {
        CommandLineRun run = CommandLineRun.of(database, "keys", "create", "--manager", manager, "--label", label);
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher matcher = KEY.matcher(run.out());
        assertThat(matcher.find()).as(run.out()).isTrue();
        return matcher.group();
    }
}
