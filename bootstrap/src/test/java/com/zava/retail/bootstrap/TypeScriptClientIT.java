package com.zava.retail.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.zava.retail.testsupport.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The MCP TypeScript SDK, the most used client library, against the server: acceptance/src/zava-client.ts
 * connects, lists the tools, calls each of the four once and checks the results (see its header),
 * over Streamable HTTP with an API key and over stdio by starting the packaged jar.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The same settings as McpConformanceIT, so both share one application context.
        properties = {"zava.security.mode=api-key", "zava.http.session-mode=stateful"})
class TypeScriptClientIT extends SeededServerTest {

    private static final Pattern KEY = Pattern.compile("zava_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    private static final Path JAR = Path.of("target", "zava-retail-mcp.jar");
    private static final String CLIENT = "src/zava-client.ts";

    @Test
    void theClientTypeChecksAgainstThePinnedSdk() throws Exception {
        AcceptanceNode.run("tsc", Duration.ofMinutes(2), Map.of(),
                AcceptanceNode.file("node_modules/.bin/tsc").toString(), "--noEmit", "-p", ".");
    }

    @Test
    void usesEveryToolOverStreamableHttpWithAnApiKey() throws Exception {
        String key = createKey(SeededDatabase.SEATTLE);
        String output = AcceptanceNode.run("ts-client", Duration.ofMinutes(3),
                // The key goes in the environment, not on a command line that ps would show.
                Map.of("ZAVA_API_KEY", key),
                AcceptanceNode.file(CLIENT).toString(), "--expect-stores", "1", "http",
                "http://127.0.0.1:" + port + "/mcp");
        assertThat(output).contains("[http] OK");
    }

    @Test
    void usesEveryToolOverStdioStartingThePackagedJar() throws Exception {
        assertThat(JAR).as("the packaged jar (run through 'mvn verify')").exists();
        List<String> args = new ArrayList<>(List.of(AcceptanceNode.file(CLIENT).toString(), "--expect-stores", "8",
                "stdio", "--", javaBinary(), "-jar", JAR.toAbsolutePath().toString(), "serve", "--transport", "stdio",
                "--manager-id", SeededDatabase.HEAD_OFFICE,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.app().user(),
                "--spring.datasource.password=" + database.app().password(),
                "--spring.flyway.user=" + database.owner().user(),
                "--spring.flyway.password=" + database.owner().password(),
                "--zava.database.app-role=" + database.app().user(),
                "--spring.data.redis.url=" + TestServices.redis().url()));
        // The client forwards ZAVA_* variables to the server; an inherited manager must not count.
        String output = AcceptanceNode.run("ts-client", Duration.ofMinutes(5), Map.of("ZAVA_STDIO_MANAGER_ID", ""),
                args.toArray(String[]::new));
        assertThat(output).contains("[stdio] OK");
    }

    private static String createKey(String manager) {
        CommandLineRun run = CommandLineRun.of(database, "keys", "create", "--manager", manager, "--label",
                "TypeScript SDK client");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher matcher = KEY.matcher(run.out());
        assertThat(matcher.find()).as(run.out()).isTrue();
        return matcher.group();
    }

    private static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }
}
