package io.sentio.launcher.alpaca.exchange;

import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.alpaca.AlpacaCredentials;
import java.time.LocalDate;
import java.util.Objects;

/** Settings of an {@link ExchangeServer}; {@link #conclude()} validates them. */
public final class ExchangeContext {
    private SessionTape tape;
    private LocalDate date;
    private double speed = 1.0;
    private int port;
    private AlpacaCredentials credentials;
    private FaultPlan faults = new FaultPlan();
    private int rateLimitPerMinute = 200;
    private boolean fillAtArrival;

    public ExchangeContext conclude() {
        Objects.requireNonNull(tape, "session tape");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(credentials, "credentials");
        if (!SessionCalendar.covers(date) || !SessionCalendar.isTradingDay(date)) {
            throw new IllegalArgumentException("--date " + date + " is not an NYSE trading day");
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("--speed must be >= 0 (0 = no pacing), got " + speed);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        if (faults.tradeUpdatesDownMinutes < 0) {
            throw new IllegalArgumentException("--trade-updates-down-minutes must be >= 0 (0 = the rest of the session), got "
                + faults.tradeUpdatesDownMinutes);
        }
        if (rateLimitPerMinute < 1) {
            throw new IllegalArgumentException("rate limit must be >= 1 a minute");
        }
        return this;
    }

    public ExchangeContext tape(SessionTape v) { tape = v; return this; }
    public ExchangeContext date(LocalDate v) { date = v; return this; }
    /** Market minutes per real minute; 0 publishes minutes back to back. */
    public ExchangeContext speed(double v) { speed = v; return this; }
    /** 0 picks a free port. */
    public ExchangeContext port(int v) { port = v; return this; }
    public ExchangeContext credentials(AlpacaCredentials v) { credentials = v; return this; }
    public ExchangeContext faults(FaultPlan v) { faults = v; return this; }
    public ExchangeContext rateLimitPerMinute(int v) { rateLimitPerMinute = v; return this; }
    /**
     * Fill market orders at once at the open of the minute they arrive in (when the symbol has a bar
     * for it) instead of at the next bar's open: the backtest's fill price with zero slippage.
     */
    public ExchangeContext fillAtArrival(boolean v) { fillAtArrival = v; return this; }

    SessionTape tape() { return tape; }
    LocalDate date() { return date; }
    double speed() { return speed; }
    int port() { return port; }
    AlpacaCredentials credentials() { return credentials; }
    FaultPlan faults() { return faults; }
    int rateLimitPerMinute() { return rateLimitPerMinute; }
    boolean fillAtArrival() { return fillAtArrival; }
}
