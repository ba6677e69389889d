package io.sentio.launcher.cli;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.learn.Learner;
import io.sentio.core.learn.OnlineLearner;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.Layout;
import io.sentio.core.pipeline.Pipeline;
import io.sentio.core.pipeline.PipelineContext;
import io.sentio.core.pipeline.RunResult;
import io.sentio.core.pipeline.WaitStrategies;
import io.sentio.core.state.StateCodec;
import io.sentio.journal.JournalCorruptException;
import io.sentio.journal.JournalException;
import io.sentio.journal.JournalSpace;
import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.codec.RunMode;
import io.sentio.journal.pipeline.RunJournal;
import io.sentio.launcher.BuildInfo;
import io.sentio.launcher.Log;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.alpaca.AlpacaClock;
import io.sentio.launcher.alpaca.AlpacaCredentials;
import io.sentio.launcher.alpaca.AlpacaRest;
import io.sentio.launcher.alpaca.TokenBucket;
import io.sentio.launcher.alpaca.trading.AlpacaBroker;
import io.sentio.launcher.alpaca.trading.Broker;
import io.sentio.launcher.alpaca.AlpacaEndpoints;
import io.sentio.launcher.config.ConfigFiles;
import io.sentio.launcher.live.AlpacaConnections;
import io.sentio.launcher.live.LiveDaemon;
import io.sentio.launcher.live.LiveSettings;
import io.sentio.launcher.live.SessionObserver;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.agrona.concurrent.UnsafeBuffer;
import io.sentio.launcher.metrics.LiveMetrics;
import io.sentio.launcher.metrics.MetricsServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sentio live} (DESIGN §7): one trading session against Alpaca or the local exchange; paper
 * unless {@code --live} is given and confirmed ({@link LiveConfirmation}). Keys come only from the
 * environment or {@code --env-file}; they are never printed.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
    description = "Trade one session: Alpaca market data in, orders out to Alpaca (paper unless --live) or the local exchange.")
public final class LiveCommand implements Callable<Integer> {
    public static final String SPEED_ENV = "SENTIO_MARKET_SPEED";

    private final EngineWiring wiring;
    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<Map<String, String>> env;

    @Option(names = "--live", description = "Trade real money: orders go to Alpaca's live host (default $APCA_API_BASE_URL, else"
        + " api.alpaca.markets). Needs " + LiveConfirmation.ENV + "=<the account's number> in the environment. Without it"
        + " the session trades the paper account.")
    boolean live;

    @Option(names = "--paper", description = "Trade the paper account: the default, accepted for scripts that say so.")
    boolean paper;

    @Option(names = "--log-file", paramLabel = "FILE",
        description = "Also append the progress log (stderr, one ISO-8601 UTC timestamp per line) to FILE.")
    Path logFile;

    @Option(names = "--symbols", paramLabel = "FILE", description = "Universe (default config/symbols.json).")
    Path symbols;

    @Option(names = "--params", paramLabel = "FILE", description = "Strategy params (default config/rotation_params.json).")
    Path params;

    @Option(names = "--trading-url", paramLabel = "U", description = "Trading REST host (default $APCA_API_BASE_URL, else Alpaca's paper host, or its live host with --live).")
    String tradingUrl;

    @Option(names = "--data-url", paramLabel = "U", description = "Historical data host, for backfill (default $APCA_API_DATA_URL).")
    String dataUrl;

    @Option(names = "--stream-url", paramLabel = "U", description = "Market-data stream URL with feed (default $APCA_API_STREAM_URL).")
    String streamUrl;

    @Option(names = "--env-file", paramLabel = "FILE", defaultValue = "config.env",
        description = "KEY=VALUE file with APCA_API_KEY_ID / APCA_API_SECRET_KEY when the environment has none (default ${DEFAULT-VALUE}).")
    Path envFile;

    @Option(names = "--adopt", description = "Take over the broker's positions in universe symbols instead of refusing to trade.")
    boolean adopt;

    @Option(names = "--flatten-on-exit",
        description = "On SIGTERM, close the positions in the session's symbols (others are left alone) and wait for the broker to confirm.")
    boolean flattenOnExit;

    @Option(names = "--on-journal-failure", paramLabel = "ACTION", defaultValue = "flatten",
        description = "When a journal write fails (full disk): flatten (default) closes the session's positions, halt keeps "
            + "them; either way the session stops at once, sends nothing unjournaled, reports on stderr and in "
            + "DIR.failure.txt beside the journal, and exits 5.")
    String onJournalFailure;

    @Option(names = "--run-id", paramLabel = "ID",
        description = "Prefix of client order ids (default L<yyyymmdd> of the session: a restart the same session resends idempotently).")
    String runId;

    @Option(names = "--market-speed", paramLabel = "X",
        description = "Only against `sentio exchange`: its --speed (default $SENTIO_MARKET_SPEED, else the wall clock).")
    Double marketSpeed;

    @Option(names = "--shards", paramLabel = "K", description = "Learner shards (default min(cores, 4)).")
    Integer shards;

    @Option(names = "--wait", paramLabel = "NAME", defaultValue = "stage-blocking", description = "Ring wait strategy (default ${DEFAULT-VALUE}).")
    String wait;

    @Option(names = "--layout", paramLabel = "NAME", defaultValue = "latency",
        description = "Stages onto threads: latency or throughput (default ${DEFAULT-VALUE}; see backtest --help).")
    String layout;

    @Option(names = "--journal", paramLabel = "DIR",
        description = "Journal the session (bar sets, clock, execution reports in; signals, decisions, orders, fills out) to"
            + " DIR: `sentio replay --journal DIR` then re-runs every decision. A DIR holding this session already (the"
            + " daemon died) resumes it: the journal is replayed, open orders are looked up at the broker, positions"
            + " reconciled, and the missed minutes backfilled.")
    Path journal;

    @Option(names = "--shadow", paramLabel = "FILE",
        description = "A shadow desk (repeatable): a params file whose signal and trading parameters run beside the "
            + "traded desk on the same live signals, filled by simulation at the next bar's open, never sent to the "
            + "broker; its model and sync keys must equal --params'. Journaled with --journal, reported at the end.")
    List<Path> shadows = new ArrayList<>();

    @Option(names = "--state", paramLabel = "STATE",
        description = "Start from a state file (sentio warmup, or a previous session's --state-out) trained before this session.")
    Path state;

    @Mixin
    MetricsPortOption metrics = new MetricsPortOption();
    private LiveMetrics metricsWatch;
    private MetricsServer metricsServer;

    @Option(names = "--state-out", paramLabel = "FILE",
        description = "On a clean end (end of session or SIGTERM), write the learners' and synchronizer's state for the next --state.")
    Path stateOut;

    public LiveCommand(EngineWiring wiring, PrintStream out, PrintStream err, Supplier<Map<String, String>> env) {
        this.wiring = wiring;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /**
     * Refuses a trading host that contradicts the mode: a paper run against Alpaca's live host would
     * send real-money orders from a run journaled as paper, and the reverse would journal a paper run as
     * live. Other hosts (the stand-in, a proxy) are taken as the mode says. {@code source} names where the
     * host came from.
     */
    private void requireMode(AlpacaEndpoints endpoints, String source) {
        if (!live && endpoints.realMoney()) {
            throw SentioException.badUsage(source + " is Alpaca's live (real-money) host " + endpoints.trading()
                + ", but this is a paper run: use " + AlpacaEndpoints.PAPER_TRADING + ", or pass --live to trade real money");
        }
        if (live && endpoints.paperHost()) {
            throw SentioException.badUsage("--live, but " + source + " is Alpaca's paper host " + endpoints.trading()
                + ": drop --live to trade paper (the journal records the mode)");
        }
    }

    @Override
    public Integer call() throws Exception {
        if (live && paper) {
            throw SentioException.badUsage("--live and --paper contradict each other: drop one");
        }
        Log log = Log.open(err, logFile, "--log-file");
        try {
            return session(log.lines());
        } catch (Exception e) {
            // The CLI prints the message to stderr on its way out; the file gets it too.
            log.fileOnly("sentio: " + (e instanceof SentioException ? e.getMessage() : e.toString()));
            throw e;
        } finally {
            closeMetrics();
            log.close();
        }
    }

    /**
     * The metrics endpoint, started with the first session and kept across the daemon's sessions (its
     * counters run on, and a scraper never sees the port go away between days).
     */
    private LiveMetrics metricsFor(PrintStream log) {
        if (metrics.enabled() && metricsWatch == null) {
            metricsWatch = new LiveMetrics();
            metricsServer = metrics.start(metricsWatch, log, "live");
        }
        return metricsWatch;
    }

    /** Stops the metrics endpoint, if one was started. */
    void closeMetrics() {
        if (metricsServer != null) {
            metricsServer.close();
            metricsServer = null;
            metricsWatch = null;
        }
    }

    /** One session with the options as set; also the daemon's, which sets journal, state and state-out per day. */
    int session(PrintStream log) throws Exception {
        Map<String, String> environment = env.get();
        AlpacaCredentials credentials = AlpacaCredentials.resolve(environment, envFile);
        AlpacaEndpoints endpoints = AlpacaEndpoints.resolve(tradingUrl, dataUrl, streamUrl, environment, !live);
        requireMode(endpoints, tradingUrl != null && !tradingUrl.isBlank() ? "--trading-url"
            : !environment.getOrDefault(AlpacaEndpoints.TRADING_ENV, "").isBlank() ? AlpacaEndpoints.TRADING_ENV
            : "the default");
        OkHttpClient http = new OkHttpClient();
        if (live) {
            // Before the daemon exists: no reconciliation, adoption or order happens unconfirmed.
            LiveConfirmation.requirePresent(environment, endpoints.trading());
            LiveConfirmation.requireMatches(environment, endpoints.trading(), VenueFailures.call(endpoints.trading(),
                () -> broker(http, endpoints.trading(), credentials).account()));
            log.println("sentio live: LIVE trading: orders go to " + endpoints.trading() + " with real money");
        } else {
            log.println("sentio live: paper trading at " + endpoints.trading() + " (--live trades real money)");
        }
        double speed = marketSpeed != null ? marketSpeed : parseSpeed(environment.get(SPEED_ENV));
        Universe universe = wiring.universe(symbols);
        StrategyParams strategy = wiring.params(params);
        String id = runId != null ? runId : "live";
        PipelineContext ctx = new PipelineContext().universe(universe).params(strategy)
            .learnerFactory(wiring.learners(strategy)).shadows(RunOptions.shadowSpecs(shadows, wiring));
        byte[] paramsBytes = RunOptions.bytesOf(params != null ? params : ConfigFiles.defaultFile("rotation_params.json"),
            "--params");
        WarmState warm = state == null ? null : WarmState.load(state, universe.symbols(), paramsBytes);
        if (warm != null) {
            log.println("sentio: " + warm.describe());
            warm.applyTo(ctx, wiring.learners(strategy));
        }
        try {
            ctx.waitStrategy(WaitStrategies.named(wait)).layout(Layout.named(layout)).runId(id);
            if (shards != null) {
                ctx.shards(shards);
            }
            ctx.conclude();
        } catch (IllegalArgumentException e) {
            throw SentioException.badUsage("--wait/--layout/--run-id/--shards/--shadow: " + e.getMessage());
        }
        LiveMetrics watch = metricsFor(log);
        LiveDaemon daemon;
        try {
            daemon = new LiveDaemon(new LiveSettings().pipeline(ctx)
                .connections(new AlpacaConnections(endpoints, credentials).http(http).marketSpeed(speed).connect(universe))
                .adopt(adopt).flattenOnExit(flattenOnExit).flattenOnJournalFailure(flattenOnJournalFailure())
                .sessionRunId(runId == null).out(out).err(log).observer(watch == null ? SessionObserver.NONE : watch)
                .journal(journal == null ? null : (sessionId, k) -> openJournal(universe, warm, paramsBytes, sessionId, k))
                .warmLastDay(warm == null ? null : warm.lastDay())
                .stateOut(stateOut == null ? null : (pipeline, result, session) ->
                    writeState(universe, warm, paramsBytes, pipeline, result, session, log)));
        } catch (IllegalArgumentException e) {
            throw SentioException.badUsage(e.getMessage());
        }
        Thread hook = new Thread(() -> {
            daemon.requestStop("SIGTERM");
            try {
                daemon.awaitFinished(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sentio-live-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return VenueFailures.call(endpoints.trading(), daemon::run);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: the JVM exits once it returns.
            }
        }
    }

    private boolean flattenOnJournalFailure() {
        if (!onJournalFailure.equals("flatten") && !onJournalFailure.equals("halt")) {
            throw SentioException.badUsage("--on-journal-failure must be flatten or halt, got " + onJournalFailure);
        }
        return onJournalFailure.equals("flatten");
    }

    private static Broker broker(OkHttpClient http, String base, AlpacaCredentials credentials) {
        return new AlpacaBroker(new AlpacaRest(http, base, credentials, new TokenBucket(AlpacaClock.SYSTEM, 200, 200),
            AlpacaClock.SYSTEM, 3), 3);
    }

    /**
     * The header holds the run id, mode, code version, symbols and the params/symbols files as given:
     * credentials live in the environment or --env-file and never reach it.
     */
    private RunJournal openJournal(Universe universe, WarmState warm, byte[] paramsBytes, String id, int shards) {
        byte[] symbolsBytes = RunOptions.bytesOf(symbols != null ? symbols : ConfigFiles.defaultFile("symbols.json"),
            "--symbols");
        RunHeader header = new RunHeader(id, BuildInfo.codeVersion(), live ? RunMode.LIVE : RunMode.LIVE_PAPER,
            System.currentTimeMillis(), warm == null ? 0 : warm.fingerprint(), universe.symbols(), paramsBytes, symbolsBytes);
        try {
            return RunJournal.open(journal, JournalSpace.MIN_FREE_BYTES, header, RunOptions.deskDefinitions(shadows), shards,
                warm == null ? 0 : warm.fingerprint(), warm == null ? null : new UnsafeBuffer(warm.bytes()));
        } catch (JournalCorruptException e) {
            throw SentioException.badData("--journal: cannot resume: " + e.getMessage());
        } catch (JournalException | IllegalArgumentException e) {
            throw SentioException.badUsage("--journal: " + e.getMessage());
        }
    }

    /** The session's end state in warmup's format: the sessions it covers now end with this one. */
    private void writeState(Universe universe, WarmState warm, byte[] paramsBytes, Pipeline pipeline, RunResult result,
                            LocalDate session, PrintStream log) {
        int n = universe.size();
        OnlineLearner[] learners = new OnlineLearner[n];
        for (int s = 0; s < n; s++) {
            Learner l = pipeline.learner(s);
            if (!(l instanceof OnlineLearner)) {
                throw new IllegalStateException("--state-out saves OnlineLearners only, got " + l.getClass().getName());
            }
            learners[s] = (OnlineLearner) l;
        }
        long fingerprint = WarmState.write(stateOut, universe.symbols(), paramsBytes, learners, pipeline.syncState(),
            pipeline.calibrationState(), warm == null ? session : warm.firstDay(), session, warm == null ? 1 : warm.sessions() + 1,
            (warm == null ? 0 : warm.barSets()) + result.barSets);
        log.println("sentio live: wrote state " + StateCodec.hex(fingerprint) + " to " + stateOut);
    }

    static double parseSpeed(String v) {
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw SentioException.badUsage(SPEED_ENV + ": not a number: " + v);
        }
    }
}
