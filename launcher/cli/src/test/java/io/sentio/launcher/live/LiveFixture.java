package io.sentio.launcher.live;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.market.BarSource;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.pipeline.TradePrinter;
import io.sentio.launcher.alpaca.AlpacaCredentials;
import io.sentio.launcher.alpaca.AlpacaEndpoints;
import io.sentio.launcher.alpaca.ExchangeFixture;
import io.sentio.launcher.alpaca.exchange.ExchangeContext;
import io.sentio.launcher.alpaca.exchange.ExchangeServer;
import io.sentio.launcher.alpaca.exchange.FaultPlan;
import io.sentio.launcher.alpaca.exchange.SessionTape;
import io.sentio.launcher.cli.DefaultEngineWiring;
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
 * One real session (2025-06-10, four symbols with every minute present) replayed by the stand-in
 * exchange on loopback, the files a {@code sentio live} run needs, and the backtest of the same
 * day and starting state to compare with.
 */
final class LiveFixture {
    static final LocalDate DAY = LocalDate.of(2025, 6, 10);
    static final List<String> SYMBOLS = List.of("TQQQ", "SQQQ", "UVXY", "TNA");
    static final String RUN_ID = "T1";

    final Path dataDir;
    final Path symbolsFile;
    final Path paramsFile;
    final Path envFile;
    final DefaultEngineWiring wiring = new DefaultEngineWiring();
    final Universe universe;
    final StrategyParams params;

    LiveFixture(Path dir) throws IOException {
        String data = System.getProperty("sentio.shared.data");
        assumeTrue(data != null && Files.isDirectory(Path.of(data)),
            "real bars not found (sentio.shared.data = " + data + "): live end-to-end tests skipped");
        dataDir = Path.of(data);
        symbolsFile = dir.resolve("symbols.json");
        StringBuilder sym = new StringBuilder("{\"active\":[");
        sym.append(SYMBOLS.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","))).append("],\"symbols\":{");
        sym.append(SYMBOLS.stream().map(s -> "\"" + s + "\":{\"leverage\":3,\"direction\":\"long\",\"underlying\":\"test\"}")
            .collect(Collectors.joining(","))).append("}}");
        Files.writeString(symbolsFile, sym);
        paramsFile = dir.resolve("params.json");
        // Zero slippage: the stand-in fills at the open of the minute an order arrives in, the backtest
        // at the next bar's open plus slippage; with slippage 0 the two prices are the same number.
        // A 60 s sync timeout (the largest allowed): at hundreds of times real time 2 market seconds are a few real
        // milliseconds, less than loopback jitter on a loaded 2-core machine.
        Files.writeString(paramsFile, Files.readString(Path.of(System.getProperty("sentio.project.dir"), "config",
            "rotation_params.json")).replace("\"slippage_bps\": 1.0", "\"slippage_bps\": 0.0")
            .replace("\"max_positions\": 3", "\"max_positions\": 2")
            .replace("\"timeout_ms\": 2000", "\"timeout_ms\": 60000"));
        envFile = dir.resolve("config.env");
        Files.writeString(envFile, AlpacaCredentials.KEY_ENV + "=" + ExchangeFixture.KEY + "\n"
            + AlpacaCredentials.SECRET_ENV + "=" + ExchangeFixture.SECRET + "\n");
        universe = wiring.universe(symbolsFile);
        params = wiring.params(paramsFile);
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
        PipelineContext ctx = new PipelineContext().universe(universe).params(params)
            .learnerFactory(wiring.learners(params)).runId(RUN_ID).conclude();
        return new LiveSettings().pipeline(ctx)
            .endpoints(new AlpacaEndpoints(x.httpUrl(), x.httpUrl(), x.streamUrl("iex")))
            .credentials(ExchangeFixture.CREDENTIALS).marketSpeed(DAEMON_CLOCK_SPEED).reconnectBaseMillis(20).reconnectMaxMillis(100)
            .out(new PrintStream(out, true, StandardCharsets.UTF_8)).err(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String[] cliArgs(ExchangeServer x, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("live", "--paper", "--symbols", symbolsFile.toString(),
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
