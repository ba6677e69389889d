package io.sentio.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.Universe;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymbolsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void shouldLoadDefaultUniverseWithSevenDerivations() {
        SymbolsConfig c = SymbolsLoader.load(ParamsLoaderTest.CONFIG.resolve("symbols.json"));
        assertEquals(Universe.defaultUniverse(), c.universe());
        Map<String, SymbolInfo.Derivation> expected = Map.of(
            "SPY", new SymbolInfo.Derivation("SSO", 0.5), "QQQ", new SymbolInfo.Derivation("TQQQ", 1.0 / 3),
            "UPRO", new SymbolInfo.Derivation("SSO", 1.5), "SH", new SymbolInfo.Derivation("SSO", -0.5),
            "PSQ", new SymbolInfo.Derivation("TQQQ", -1.0 / 3), "SVXY", new SymbolInfo.Derivation("SVIX", 0.5),
            "UVIX", new SymbolInfo.Derivation("UVXY", 4.0 / 3));
        for (String s : c.active()) {
            SymbolInfo.Derivation d = c.info(s).derivation();
            SymbolInfo.Derivation e = expected.get(s);
            if (e == null) {
                assertNull(d, s);
            } else {
                assertNotNull(d, s);
                assertEquals(e.source(), d.source(), s);
                assertEquals(e.factor(), d.factor(), 1e-15, s);
            }
        }
    }

    @Test
    void shouldLoadTwelveRealSymbolsWithMetadata() {
        SymbolsConfig c = SymbolsLoader.load(ParamsLoaderTest.CONFIG.resolve("symbols-real.json"));
        assertEquals(List.of("ERX", "ERY", "FAS", "FAZ", "SDS", "SQQQ", "SSO", "SVIX", "TNA", "TQQQ", "TZA", "UVXY"),
            c.active());
        assertEquals(-3, c.info("SQQQ").leverage());
        assertEquals(SymbolInfo.Direction.INVERSE, c.info("SQQQ").direction());
        assertEquals("Nasdaq-100", c.info("SQQQ").underlying());
    }

    private String error(String text) throws IOException {
        Path f = dir.resolve("symbols.json");
        Files.writeString(f, text);
        SentioException e = assertThrows(SentioException.class, () -> SymbolsLoader.load(f));
        assertEquals(ExitCodes.BAD_USAGE, e.exitCode());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void shouldNameUnknownSymbolKey() throws IOException {
        String m = error("{\"active\": [\"SPY\"], \"symbols\": {\"SPY\": {\"leverage\": 1, \"direction\": \"long\","
            + " \"underlying\": \"S&P 500\", \"levrage\": 2}}}");
        assertTrue(m.contains("unknown key 'symbols.SPY.levrage'"), m);
    }

    @Test
    void shouldRejectActiveSymbolWithoutMetadata() throws IOException {
        assertTrue(error("{\"active\": [\"SPY\"], \"symbols\": {}}").contains("SPY has no entry"));
    }

    @Test
    void shouldRejectDirectionContradictingLeverage() throws IOException {
        String m = error("{\"active\": [\"SH\"], \"symbols\": {\"SH\": {\"leverage\": -1, \"direction\": \"long\","
            + " \"underlying\": \"S&P 500\"}}}");
        assertTrue(m.contains("'symbols.SH.direction'"), m);
    }
}
