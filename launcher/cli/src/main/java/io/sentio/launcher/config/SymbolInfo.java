package io.sentio.launcher.config;

/**
 * Metadata of one symbol in {@code symbols.json}.
 *
 * @param leverage   daily leverage against the underlying (negative for inverse products)
 * @param underlying what the product tracks, free text
 * @param derivation how the generator builds this symbol when no real file exists, or null
 */
public record SymbolInfo(String symbol, double leverage, Direction direction, String underlying,
                         Derivation derivation) {

    public enum Direction { LONG, INVERSE }

    /**
     * One-minute returns of this symbol = {@code factor} times those of {@code source}
     * (e.g. SPY = SSO/2 is factor 0.5, SH = -SSO/2 is factor -0.5).
     */
    public record Derivation(String source, double factor) {
    }
}
