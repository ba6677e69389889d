package io.sentio.launcher.exchange;

import io.sentio.core.market.BarSource;
import io.sentio.core.market.Universe;
import io.sentio.launcher.alpaca.AlpacaCredentials;
import io.sentio.launcher.data.BarCsvReader;
import io.sentio.launcher.data.BarFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sentio exchange}: the local Alpaca-protocol stand-in, serving one session, or several in a row, from bar CSVs. Its own
 * program ({@link ExchangeMain}), so that a trading daemon never carries it on its classpath.
 */
@Command(name = "exchange", mixinStandardHelpOptions = true,
    description = {"Local Alpaca-protocol stand-in on 127.0.0.1: market-data stream replaying --date (or the sessions",
        "--from..--to) at --speed, clock and calendar,",
        "history bars, trading API and trade_updates. Clients must present the key pair given by --key/--secret",
        "or APCA_API_KEY_ID / APCA_API_SECRET_KEY (or the env file). Runs until interrupted."})
public final class ExchangeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Directory of SYMBOL_RTH_NH.csv[.gz] files")
    Path data;

    @Option(names = "--date", description = "Session to replay (YYYY-MM-DD); the same as --from DATE --to DATE")
    String date;

    @Option(names = "--from", description = "First of several consecutive sessions to replay (YYYY-MM-DD)")
    String from;

    @Option(names = "--to", description = "Last session to replay (default: --from)")
    String to;

    @Option(names = "--night-speed", description = {"Market minutes per real minute from a close to the next open",
        "(default: --speed; 0 jumps). Each session holds at 09:30 until a client subscribes."})
    Double nightSpeed;

    @Option(names = "--calendar-closed", description = "Fault: /v2/calendar calls this trading day (YYYY-MM-DD) a holiday")
    String calendarClosed;

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1 (default: a free one)")
    int port;

    @Option(names = "--speed", defaultValue = "1", description = "Market minutes per real minute; 0 = no pacing (default ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--key", description = "Key id clients must present (default $APCA_API_KEY_ID)")
    String key;

    @Option(names = "--secret", description = "Secret clients must present (default $APCA_API_SECRET_KEY)")
    String secret;

    @Option(names = "--env-file", defaultValue = "config.env", description = "KEY=VALUE file with the keys (default ${DEFAULT-VALUE})")
    Path envFile;

    @Option(names = "--drop-at-minute", defaultValue = "-1", description = "Fault: cut market-data connections at session minute M")
    int dropAtMinute;

    @Option(names = "--silent-from-minute", defaultValue = "-1", description = "Fault: stop sending bars to open connections from minute M")
    int silentFromMinute;

    @Option(names = "--connection-limit", description = "Fault: answer every stream authentication with error 406")
    boolean connectionLimit;

    @Option(names = "--rate-limit-burst", defaultValue = "0", description = "Fault: answer the first N REST requests with HTTP 429")
    int rateLimitBurst;

    @Option(names = "--rate-limit-at-order", defaultValue = "0",
        description = "Fault: at the Nth order request, answer every REST request with HTTP 429 until the announced reset (1-2 s)")
    int rateLimitAtOrder;

    @Option(names = "--drop-trade-updates-at-minute", defaultValue = "-1",
        description = "Fault: close the trade_updates connections at session minute M and refuse new ones (HTTP 503)")
    int dropTradeUpdatesAtMinute;

    @Option(names = "--trade-updates-down-minutes", defaultValue = "0",
        description = "How many minutes trade_updates stays down after --drop-trade-updates-at-minute (default: the rest of the session)")
    int tradeUpdatesDownMinutes;

    @Option(names = "--reject-symbol", description = "Fault: reject every order for this symbol")
    String rejectSymbol;

    @Option(names = "--reject-nth-order", defaultValue = "0", description = "Fault: reject the Nth order (1-based)")
    int rejectNthOrder;

    @Option(names = "--lose-ack-of-order", defaultValue = "0", description = "Fault: accept the Nth order but cut the connection instead of answering")
    int loseAckOfOrder;

    @Option(names = "--partial-fills", description = {"Fault: fill each order of 2+ shares in two parts, half (rounded down)",
        "at its first fill (partial_fill) and the rest one minute later (fill)"})
    boolean partialFills;

    @Option(names = "--cancel-rest-of-order", defaultValue = "0",
        description = "Fault: fill the Nth order (1-based) in part (half), then cancel the rest where it would have filled")
    int cancelRestOfOrder;

    @Option(names = "--corrections", description = "Send each bar with one share less, then a 'u' correction")
    boolean corrections;

    @Option(names = "--garbage-every", defaultValue = "0", description = {"Fault: after every Nth market-data frame send a garbage",
        "frame (in turn truncated, a wrong-typed bar, an unknown message type), and after every Nth trade update",
        "a garbage message on the trading stream (truncated, a wrong-typed qty, an unknown stream); 0 = off"})
    int garbageEvery;

    @Option(names = "--fill-at-arrival",
        description = "Fill market orders at once at the open of the minute they arrive in (the backtest's price with zero slippage)")
    boolean fillAtArrival;

    @Override
    public Integer call() throws Exception {
        if ((date == null) == (from == null)) {
            throw new ParameterException(spec.commandLine(), "give --date DATE (one session) or --from DATE [--to DATE]");
        }
        if (date != null && to != null) {
            throw new ParameterException(spec.commandLine(), "--to goes with --from, not --date");
        }
        LocalDate day = parse(date != null ? "--date" : "--from", date != null ? date : from);
        LocalDate last = to == null ? day : parse("--to", to);
        AlpacaCredentials credentials = key != null || secret != null
            ? new AlpacaCredentials(key, secret)
            : AlpacaCredentials.resolve(System.getenv(), envFile);
        FaultPlan faults = new FaultPlan();
        faults.dropAtMinute = dropAtMinute;
        faults.silentFromMinute = silentFromMinute;
        faults.connectionLimit = connectionLimit;
        faults.rateLimitBurst = rateLimitBurst;
        faults.rateLimitAtOrder = rateLimitAtOrder;
        faults.tradeUpdatesDownAtMinute = dropTradeUpdatesAtMinute;
        faults.tradeUpdatesDownMinutes = tradeUpdatesDownMinutes;
        faults.rejectSymbol = rejectSymbol;
        faults.rejectNthOrder = rejectNthOrder;
        faults.loseAckOfNthOrder = loseAckOfOrder;
        faults.partialFills = partialFills;
        faults.cancelRestOfNthOrder = cancelRestOfOrder;
        faults.corrections = corrections;
        faults.garbageEvery = garbageEvery;
        faults.calendarClosedDay = calendarClosed == null ? null : parse("--calendar-closed", calendarClosed);
        Universe universe;
        ExchangeServer server;
        try {
            universe = universeOf(data);
            SessionTape tape = SessionTape.load(universe, openSources(data, universe));
            server = ExchangeServer.start(new ExchangeContext().tape(tape).date(day).to(last).speed(speed)
                .nightSpeed(nightSpeed == null ? speed : nightSpeed).port(port)
                .credentials(credentials).faults(faults).fillAtArrival(fillAtArrival));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (server) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "exchange-shutdown"));
            PrintWriter out = spec.commandLine().getOut();
            out.println("exchange: " + universe.size() + " symbols, session" + (last.equals(day) ? " " + day
                : "s " + day + ".." + last) + " at speed " + speed + ", " + faults);
            out.println("APCA_API_BASE_URL=" + server.httpUrl());
            out.println("APCA_API_DATA_URL=" + server.httpUrl());
            out.println("APCA_API_STREAM_URL=" + server.streamUrl("iex"));
            out.println("SENTIO_MARKET_SPEED=" + speed);
            out.flush();
            stop.await();
        }
        return 0;
    }

    private LocalDate parse(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + ": not a date (YYYY-MM-DD): " + value);
        }
    }

    /** The symbols with a bar file in {@code dir}, in name order; IllegalArgumentException names --data. */
    static Universe universeOf(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--data: not a directory: " + dir);
        }
        Map<String, Path> files = BarFiles.list(dir);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("--data: no SYMBOL_RTH_NH.csv files in " + dir);
        }
        return new Universe(new ArrayList<>(files.keySet()));
    }

    /** One lenient reader per symbol: the exchange replays what a data check would accept. */
    static List<BarSource> openSources(Path dir, Universe universe) {
        List<BarSource> sources = new ArrayList<>(universe.size());
        for (int s = 0; s < universe.size(); s++) {
            sources.add(new BarCsvReader(BarFiles.locate(dir, universe.symbol(s)), false));
        }
        return sources;
    }
}
