package com.zava.retail.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zava.retail.application.port.in.SeedCommand.IfSeeded;
import com.zava.retail.application.sampledata.Scale;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineParserTest {

    private static Invocation parse(Map<String, String> env, String... args) {
        return CommandLineParser.parse(args, env::get);
    }

    @Test
    void servesHttpByDefaultAndPassesSpringSettingsThrough() {
        Invocation invocation = parse(Map.of(), "--server.port=9000");
        assertThat(invocation).isEqualTo(new Invocation.Serve(Invocation.Transport.HTTP, Optional.empty(),
                java.util.List.of("--server.port=9000")));
    }

    @Test
    void stdioTakesTheManagerFromTheOptionOrTheEnvironment() {
        assertThat(parse(Map.of(), "serve", "--transport", "stdio", "--manager-id", "m1"))
                .isEqualTo(new Invocation.Serve(Invocation.Transport.STDIO, Optional.of("m1"), java.util.List.of()));
        assertThat(parse(Map.of("ZAVA_TRANSPORT", "stdio", "ZAVA_STDIO_MANAGER_ID", "m2"), "serve"))
                .isEqualTo(new Invocation.Serve(Invocation.Transport.STDIO, Optional.of("m2"), java.util.List.of()));
    }

    @Test
    void stdioWithoutAManagerSaysHowToGiveOne() {
        assertThatThrownBy(() -> parse(Map.of(), "serve", "--transport=stdio"))
                .hasMessageContaining("--manager-id").hasMessageContaining("ZAVA_STDIO_MANAGER_ID");
        assertThatThrownBy(() -> parse(Map.of(), "serve", "--transport", "smoke-signals"))
                .hasMessageContaining("use http or stdio");
    }

    @Test
    void seedOptions() {
        Invocation.DbSeed seed = (Invocation.DbSeed) parse(Map.of(), "db", "seed", "--scale", "small", "--seed=9",
                "--as-of", "2025-06-30", "--replace");
        assertThat(seed.command().scale()).isEqualTo(Scale.SMALL);
        assertThat(seed.command().seed()).isEqualTo(9);
        assertThat(seed.command().asOf()).contains(LocalDate.of(2025, 6, 30));
        assertThat(seed.command().ifSeeded()).isEqualTo(IfSeeded.REPLACE);
        assertThat(((Invocation.DbSeed) parse(Map.of(), "db", "seed", "--if-empty")).command().ifSeeded())
                .isEqualTo(IfSeeded.SKIP);
    }

    @Test
    void mistakesNameTheFix() {
        assertThatThrownBy(() -> parse(Map.of(), "db", "seed", "--seed", "abc")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> parse(Map.of(), "db", "seed", "--replace", "--if-empty"))
                .hasMessageContaining("contradict");
        assertThatThrownBy(() -> parse(Map.of(), "db")).hasMessageContaining("db migrate");
        assertThatThrownBy(() -> parse(Map.of(), "launch")).hasMessageContaining("Unknown command 'launch'");
        assertThatThrownBy(() -> parse(Map.of(), "db", "seed", "--scale")).hasMessageContaining("needs a value");
    }
}
