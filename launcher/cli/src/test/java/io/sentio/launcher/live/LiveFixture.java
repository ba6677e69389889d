package io.sentio.launcher.live;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.BarSource;
import io.sentio.core.market.MutableBar;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.pipeline.TradePrinter;
import io.sentio.core.synth.BarSeries;
import io.sentio.core.synth.SyntheticMarket;
import io.sentio.core.testing.ArrayBarSource;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.alpaca.AlpacaCredentials;
import io.sentio.launcher.alpaca.AlpacaEndpoints;
import io.sentio.launcher.alpaca.ExchangeFixture;
import io.sentio.launcher.cli.DefaultEngineWiring;
import io.sentio.launcher.data.BarCsvWriter;
import io.sentio.launcher.data.BarFiles;
import io.sentio.launcher.exchange.ExchangeContext;
import io.sentio.launcher.exchange.ExchangeServer;
import io.sentio.launcher.exchange.FaultPlan;
import io.sentio.launcher.exchange.SessionTape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One session (2025-06-10, four symbols) replayed by the stand-in exchange on loopback, the files
 * a {@code sentio live} run needs, and the backtest of the same day and starting state to compare
 * with. The bars are the seeded {@link SyntheticMarket}'s, written as bar files into the test's
 * directory with every minute present (a missing minute is a flat bar at the last close): the
 * daemon then closes every minute by its bars, never by the clock, as live with complete data.
 */
final class LiveFixture {
    static final LocalDate DAY = LocalDate.of(2025, 6, 10);
    static final List<String> SYMBOLS = List.of("TQQQ", "SQQQ", "UVXY", "UPRO");
    /** Listed by the exchange in some tests but not traded. */
    static final String UNTRADED = "SVIX";
    static final String RUN_ID = "T1";
    /** The data's sessions: enough before {@link #DAY} for 20-session warm-ups, through the 2025-07-03 half day. */
    private static final LocalDate FIRST_SESSION = LocalDate.of(2025, 4, 1);
    private static final LocalDate LAST_SESSION = LocalDate.of(2025, 7, 8);
    private static final long SEED = 610;

    final Path dataDir;
    final Path symbolsFile;
    final Path paramsFile;
    final Path envFile;
    final DefaultEngineWiring wiring = new DefaultEngineWiring();
    final Universe universe;
    final StrategyParams params;

    LiveFixture(Path dir) throws IOException {
        this(dir, SEED);
    }

    /** The fixture over the synthetic market of another seed, for a test that needs a particular day. */
    LiveFixture(Path dir, long seed) throws IOException {
        dataDir = writeCompleteBars(Files.createDirectories(dir.resolve("data")), seed);
        symbolsFile = dir.resolve("symbols.json");
        StringBuilder sym = new StringBuilder("{\"active\":[");
        sym.append(SYMBOLS.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","))).append("],\"symbols\":{");
        sym.append(SYMBOLS.stream().map(s -> "\"" + s + "\":{\"leverage\":3,\"direction\":\"long\",\"underlying\":\"test\"}")
            .collect(Collectors.joining(","))).append("}}");
        Files.writeString(symbolsFile, sym);
        paramsFile = dir.resolve("params.json");
        // Zero slippage and no half-spread floor: the stand-in fills at the open of the minute an order
        // arrives in, the backtest at the next bar's open plus costs; without costs the two prices are
        // the same number.
        // A 60 s sync timeout (the largest allowed): at hundreds of times real time 2 market seconds are a few real
        // milliseconds, less than loopback jitter on a loaded 2-core machine.
        Files.writeString(paramsFile, Files.readString(Path.of(System.getProperty("sentio.project.dir"), "config",
            "rotation_params.json")).replace("\"slippage_bps\": 1.0", "\"slippage_bps\": 0.0")
            .replace("\"half_spread_ticks\": 0.5", "\"half_spread_ticks\": 0.0")
            .replace("\"max_positions\": 3", "\"max_positions\": 2")
            .replace("\"timeout_ms\": 2000", "\"timeout_ms\": 60000"));
        envFile = dir.resolve("config.env");
        Files.writeString(envFile, AlpacaCredentials.KEY_ENV + "=" + ExchangeFixture.KEY + "\n"
            + AlpacaCredentials.SECRET_ENV + "=" + ExchangeFixture.SECRET + "\n");
        universe = wiring.universe(symbolsFile);
        params = wiring.params(paramsFile);
    }

    private static Path writeCompleteBars(Path dataDir, long seed) throws IOException {
        int sessions = 0;
        for (LocalDate d = FIRST_SESSION; !d.isAfter(LAST_SESSION); d = SessionCalendar.nextTradingDay(d.plusDays(1))) {
            sessions++;
        }
        SyntheticMarket market = SyntheticMarket.generate(seed, FIRST_SESSION, sessions);
        List<String> written = new java.util.ArrayList<>(SYMBOLS);
        written.add(UNTRADED);
        for (String symbol : written) {
            BarCsvWriter.write(everyMinute(market.series(symbol)), dataDir.resolve(symbol + BarFiles.GZ_SUFFIX));
        }
        return dataDir;
    }

    /** The series with each missing session minute filled by a flat bar at the last close. */
    private static ArrayBarSource everyMinute(BarSeries series) {
        ArrayBarSource out = new ArrayBarSource();
        MutableBar bar = new MutableBar();
        series.get(0, bar);
        double last = bar.open;
        int next = 0;
        for (LocalDate d = FIRST_SESSION; !d.isAfter(LAST_SESSION); d = SessionCalendar.nextTradingDay(d.plusDays(1))) {
            long open = SessionCalendar.openEpochSecond(d.toEpochDay());
            for (int m = 0; m <= SessionCalendar.closeMinute(d); m++) {
                long t = open + 60L * m;
                if (next < series.size()) {
                    series.get(next, bar);
                }
                if (next < series.size() && bar.epochSecond == t) {
                    out.add(t, bar.open, bar.high, bar.low, bar.close, bar.volume);
                    last = bar.close;
                    next++;
                } else {
                    out.add(t, last, last, last, last, 100);
                }
            }
        }
        return out;
    }

    ExchangeServer exchange(double speed, FaultPlan faults) throws IOException {
        return exchange(DAY, speed, faults);
    }

    ExchangeServer exchange(LocalDate day, double speed, FaultPlan faults) throws IOException {
        return exchange(day, speed, faults, universe);
    }

    /** The exchange listing {@code others} too: symbols the daemon does not trade, for an operator's own positions. */
    ExchangeServer exchangeAlsoListing(double speed, String... others) throws IOException {
        List<String> listed = new java.util.ArrayList<>(SYMBOLS);
        listed.addAll(List.of(others));
        return exchange(DAY, speed, new FaultPlan(), new Universe(listed));
    }

    private ExchangeServer exchange(LocalDate day, double speed, FaultPlan faults, Universe listed) throws IOException {
        BarSource[] sources = wiring.bars(dataDir, listed, day, day);
        SessionTape tape = SessionTape.load(listed, Arrays.asList(sources));
        return ExchangeServer.start(new ExchangeContext().tape(tape).date(day).speed(speed)
            .credentials(ExchangeFixture.CREDENTIALS).faults(faults).fillAtArrival(true));
    }

    /**
     * The daemon's clock: the exchange's, re-read every second and advanced at real time in between
     * ({@link #DAEMON_CLOCK_SPEED}), so it never runs ahead of the exchange even when this loaded
     * 2-core test host stalls for a few hundred milliseconds (hundreds of market seconds at the
     * replay's speed). Every minute is then closed by its own bars, as it is live with complete data;
     * the CLOCK timeout path is tested in MinuteAssemblerTest.
     */
    static final double DAEMON_CLOCK_SPEED = 1;

    LiveSettings settings(ExchangeServer x, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return settings(new AlpacaConnections(new AlpacaEndpoints(x.httpUrl(), x.httpUrl(), x.streamUrl("iex")),
            ExchangeFixture.CREDENTIALS).marketSpeed(DAEMON_CLOCK_SPEED).reconnectBaseMillis(20).reconnectMaxMillis(100)
            .connect(universe), out, err);
    }

    /** The settings of a session over other connections (in memory). */
    LiveSettings settings(LiveConnections connections, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        PipelineContext ctx = new PipelineContext().universe(universe).params(params)
            .learnerFactory(wiring.learners(params)).runId(RUN_ID).conclude();
        return new LiveSettings().pipeline(ctx).connections(connections)
            .out(new PrintStream(out, true, StandardCharsets.UTF_8)).err(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** {@code sentio live} against the exchange, in the default mode (paper). */
    String[] cliArgs(ExchangeServer x, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("live", "--symbols", symbolsFile.toString(),
            "--params", paramsFile.toString(), "--env-file", envFile.toString(), "--trading-url", x.httpUrl(),
            "--data-url", x.httpUrl(), "--stream-url", x.streamUrl("iex"), "--market-speed", Double.toString(DAEMON_CLOCK_SPEED),
            "--run-id", RUN_ID));
        args.addAll(List.of(extra));
        return args.toArray(new String[0]);
    }

    /** The backtest of the same day from the same (cold) state, printed like the daemon prints. */
    String backtest() {
        return backtest(DAY);
    }

    /** The backtest of {@code day} from the same (cold) state, printed like the daemon prints. */
    String backtest(LocalDate day) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        PipelineContext ctx = new PipelineContext().universe(universe).params(params)
            .learnerFactory(wiring.learners(params)).runId(RUN_ID)
            .listener(new TradePrinter(universe, out, day.toEpochDay(), RUN_ID)).conclude();
        RunResult r = new Pipeline(ctx).run(wiring.bars(dataDir, universe, day, day));
        out.println("state hash: " + r.stateHashHex());
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** The decision, order and fill lines ("HH:MM ..."), the day's return line and the state hash line. */
    static List<String> decisions(String printed) {
        return printed.lines().filter(l -> l.matches("^\\d\\d:\\d\\d .*") || l.startsWith("state hash:")
                || l.matches("^\\d{4}-\\d\\d-\\d\\d day return .*"))
            .collect(Collectors.toList());
    }
}
