package io.sentio.launcher.exchange;

import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.alpaca.AlpacaCredentials;
import java.time.LocalDate;
import java.util.Objects;

/** Settings of an {@link ExchangeServer}; {@link #conclude()} validates them. */
public final class ExchangeContext {
    private SessionTape tape;
    private LocalDate date;
    private LocalDate to;
    private double speed = 1.0;
    private double nightSpeed = Double.NaN;
    private int port;
    private AlpacaCredentials credentials;
    private FaultPlan faults = new FaultPlan();
    private int rateLimitPerMinute = 200;
    private boolean fillAtArrival;
    private boolean concluded;

    /** Validates once (Aeron's rule): afterwards setters and a second conclude refuse. */
    public ExchangeContext conclude() {
        mutable();
        Objects.requireNonNull(tape, "session tape");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(credentials, "credentials");
        if (!SessionCalendar.covers(date)) {
            throw new IllegalArgumentException("--date " + date + " is outside the session calendar " + SessionCalendar.COVERAGE);
        }
        if (!SessionCalendar.isTradingDay(date)) {
            throw new IllegalArgumentException("--date " + date + " is not an NYSE trading day");
        }
        if (to == null) {
            to = date;
        }
        if (to.isBefore(date) || !SessionCalendar.covers(to)) {
            throw new IllegalArgumentException("--to " + to + " must be on or after the first session " + date
                + " and inside the session calendar " + SessionCalendar.COVERAGE);
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("--speed must be >= 0 (0 = no pacing), got " + speed);
        }
        if (Double.isNaN(nightSpeed)) {
            nightSpeed = speed;
        }
        if (!(nightSpeed >= 0) || Double.isInfinite(nightSpeed)) {
            throw new IllegalArgumentException("--night-speed must be >= 0 (0 = jump to the next open), got " + nightSpeed);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        if (faults.tradeUpdatesDownMinutes < 0) {
            throw new IllegalArgumentException("--trade-updates-down-minutes must be >= 0 (0 = the rest of the session), got "
                + faults.tradeUpdatesDownMinutes);
        }
        if (faults.garbageEvery < 0) {
            throw new IllegalArgumentException("--garbage-every must be >= 0 (0 = off), got " + faults.garbageEvery);
        }
        if (rateLimitPerMinute < 1) {
            throw new IllegalArgumentException("rate limit must be >= 1 a minute");
        }
        concluded = true;
        return this;
    }

    public ExchangeContext tape(SessionTape v) { mutable(); tape = v; return this; }
    /** The (first) session served. */
    public ExchangeContext date(LocalDate v) { mutable(); date = v; return this; }
    /** The last session served (default: {@link #date}); every trading day between is served in turn. */
    public ExchangeContext to(LocalDate v) { mutable(); to = v; return this; }
    /** Market minutes per real minute from a close to the next open (default: the speed); 0 jumps. */
    public ExchangeContext nightSpeed(double v) { mutable(); nightSpeed = v; return this; }
    /** Market minutes per real minute; 0 publishes minutes back to back. */
    public ExchangeContext speed(double v) { mutable(); speed = v; return this; }
    /** 0 picks a free port. */
    public ExchangeContext port(int v) { mutable(); port = v; return this; }
    public ExchangeContext credentials(AlpacaCredentials v) { mutable(); credentials = v; return this; }
    public ExchangeContext faults(FaultPlan v) { mutable(); faults = v; return this; }
    public ExchangeContext rateLimitPerMinute(int v) { mutable(); rateLimitPerMinute = v; return this; }
    /**
     * Fill market orders at once at the open of the minute they arrive in (when the symbol has a bar
     * for it) instead of at the next bar's open: the backtest's fill price with zero slippage.
     */
    public ExchangeContext fillAtArrival(boolean v) { mutable(); fillAtArrival = v; return this; }

    SessionTape tape() { return tape; }
    LocalDate date() { return date; }
    LocalDate to() { return to; }
    double speed() { return speed; }
    double nightSpeed() { return nightSpeed; }

    /** The sessions served, New York epoch days in order. */
    long[] sessions() {
        java.util.List<Long> days = new java.util.ArrayList<>();
        for (LocalDate d = date; !d.isAfter(to); d = d.plusDays(1)) {
            if (SessionCalendar.isTradingDay(d)) {
                days.add(d.toEpochDay());
            }
        }
        return days.stream().mapToLong(Long::longValue).toArray();
    }
    int port() { return port; }
    AlpacaCredentials credentials() { return credentials; }
    FaultPlan faults() { return faults; }
    int rateLimitPerMinute() { return rateLimitPerMinute; }
    boolean fillAtArrival() { return fillAtArrival; }

    private void mutable() {
        if (concluded) {
            throw new IllegalStateException("exchange context already concluded");
        }
    }
}
