package io.sentio.launcher.cli;

import io.sentio.core.market.Universe;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.Log;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.alpaca.AlpacaClock;
import io.sentio.launcher.alpaca.AlpacaCredentials;
import io.sentio.launcher.alpaca.AlpacaEndpoints;
import io.sentio.launcher.alpaca.AlpacaRest;
import io.sentio.launcher.alpaca.TokenBucket;
import io.sentio.launcher.config.ConfigFiles;
import io.sentio.launcher.daemon.BrokerCalendar;
import io.sentio.launcher.daemon.DaemonReports;
import io.sentio.launcher.daemon.DaemonRoot;
import io.sentio.launcher.daemon.MarketSleep;
import io.sentio.launcher.live.AlpacaConnections;
import io.sentio.launcher.live.LiveClock;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sentio daemon}: {@code sentio live} every session, indefinitely. Before each session it
 * checks the broker's calendar against its own, starts from the previous session's state (or warms
 * up on downloaded history the first day), trades the session through {@link LiveCommand} (whose
 * options it takes, as a picocli mixin: what {@code live} gains, the daemon gains), keeps the day's
 * journal, state and daily report under {@code --root}, prunes old days, and sleeps until the next
 * session. A restart resumes the day from its journal, as {@code live} does.
 */
@Command(name = "daemon",
    description = "Trade every session, indefinitely: `sentio live` each day (paper unless --live), with the day's"
        + " journal, state and daily report under --root/<yyyy-mm-dd>/, the broker's calendar checked against"
        + " sentio's every morning. Takes live's options except --journal, --state-out and --run-id.")
public final class DaemonCommand implements Callable<Integer> {
    /** Before the open: the calendar check and the session's start-up (reconcile, subscribe) happen then. */
    static final long PRE_OPEN_MILLIS = 5 * 60_000L;
    /** Days ahead whose calendar the broker and sentio must agree on. */
    static final int CALENDAR_DAYS = 14;

    private final EngineWiring wiring;
    private final LiveCommand live;
    private final PrintStream err;
    private final Supplier<Map<String, String>> env;
    private final Object lock = new Object();
    private final CountDownLatch finished = new CountDownLatch(1);
    private boolean inSession;
    private boolean stopping;

    @Option(names = "--root", paramLabel = "DIR", required = true,
        description = "The daemon's directory: state.bin (the next session's start), history/ (the first day's warm-up bars)"
            + " and one <yyyy-mm-dd>/ per session with its journal/, state.bin, report.txt and report.html.")
    Path root;

    @Option(names = "--keep-sessions", paramLabel = "N", defaultValue = "60",
        description = "Session directories kept; older ones are deleted after each session (default ${DEFAULT-VALUE}).")
    int keepSessions;

    @Option(names = "--warmup-sessions", paramLabel = "N", defaultValue = "20",
        description = "First day without --root/state.bin or --state: download this many sessions of history from the"
            + " data host and warm up on them (default ${DEFAULT-VALUE}; 0 starts cold).")
    int warmupSessions;

    @Option(names = "--until", paramLabel = "DATE",
        description = "Exit 0 after this session (default: run until SIGTERM).")
    LocalDate until;

    DaemonCommand(EngineWiring wiring, LiveCommand live, PrintStream err, Supplier<Map<String, String>> env) {
        this.wiring = wiring;
        this.live = live;
        this.err = err;
        this.env = env;
    }

    /** The daemon's command line: its own options plus every option of {@code live}. */
    static picocli.CommandLine commandLine(EngineWiring wiring, PrintStream out, PrintStream err,
                                           Supplier<Map<String, String>> env) {
        LiveCommand live = new LiveCommand(wiring, out, err, env);
        picocli.CommandLine cli = new picocli.CommandLine(new DaemonCommand(wiring, live, err, env));
        cli.addMixin("live", live);
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        refuseLiveOnlyOptions();
        if (keepSessions < 1) {
            throw SentioException.badUsage("--keep-sessions must be >= 1, got " + keepSessions);
        }
        if (warmupSessions < 0 || warmupSessions > 2000) {
            throw SentioException.badUsage("--warmup-sessions must be 0..2000, got " + warmupSessions);
        }
        Log log = Log.open(err, live.logFile, "--log-file");
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> stop(main), "sentio-daemon-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return days(log.lines());
        } catch (Exception e) {
            if (stopRequested()) {
                // SIGTERM interrupted a request or a sleep between sessions: not a venue failure.
                log.lines().println("sentio daemon: stopping (SIGTERM) between sessions");
                return ExitCodes.OK;
            }
            log.fileOnly("sentio: " + (e instanceof SentioException ? e.getMessage() : e.toString()));
            throw e;
        } finally {
            live.closeMetrics();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: the JVM exits once it returns.
            }
            log.close();
        }
    }

    /** SIGTERM: a session in progress is stopped by live's own hook; a sleeping daemon is woken to exit. */
    private void stop(Thread main) {
        synchronized (lock) {
            stopping = true;
            if (!inSession) {
                main.interrupt();
            }
        }
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refuseLiveOnlyOptions() {
        if (live.journal != null || live.stateOut != null || live.runId != null) {
            throw SentioException.badUsage("--journal, --state-out and --run-id are the daemon's own: it journals each session"
                + " to --root/<yyyy-mm-dd>/journal, keeps the state in --root/state.bin and ids orders L<yyyymmdd>");
        }
        if (root == null || (Files.exists(root) && !Files.isDirectory(root))) {
            throw SentioException.badUsage("--root: not a directory: " + root);
        }
    }

    private int days(PrintStream log) throws Exception {
        Map<String, String> environment = env.get();
        AlpacaCredentials credentials = AlpacaCredentials.resolve(environment, live.envFile);
        AlpacaEndpoints endpoints = AlpacaEndpoints.resolve(live.tradingUrl, live.dataUrl, live.streamUrl, environment,
            !live.live);
        double speed = live.marketSpeed != null ? live.marketSpeed : LiveCommand.parseSpeed(environment.get(LiveCommand.SPEED_ENV));
        Universe universe = wiring.universe(live.symbols);
        byte[] paramsBytes = RunOptions.bytesOf(live.params != null ? live.params
            : ConfigFiles.defaultFile("rotation_params.json"), "--params");
        DaemonRoot dirs = new DaemonRoot(root);
        Files.createDirectories(root);
        Path initialState = live.state;
        OkHttpClient http = new OkHttpClient();
        try {
            AlpacaRest trading = rest(http, endpoints.trading(), credentials);
            LiveClock clock;
            try {
                clock = new AlpacaConnections(endpoints, credentials).http(http).marketSpeed(speed).connect(universe).clock();
            } catch (IllegalArgumentException e) {
                throw SentioException.badUsage(e.getMessage());
            }
            BrokerCalendar calendar = new BrokerCalendar(trading);
            log.println("sentio daemon: " + (live.live ? "LIVE" : "paper") + " trading at " + endpoints.trading() + ", root "
                + root + (until == null ? "" : ", through " + until));
            while (true) {
                LocalDate done = Files.exists(dirs.state())
                    ? WarmState.load(dirs.state(), universe.symbols(), paramsBytes).lastDay() : null;
                LocalDate session = VenueFailures.call(endpoints.trading(), () -> nextSession(clock, done));
                if (until != null && session.isAfter(until)) {
                    log.println("sentio daemon: done through " + until);
                    return ExitCodes.OK;
                }
                long wake = BrokerCalendar.openOf(session) * 1000L - PRE_OPEN_MILLIS;
                if (clock.epochMillis() < wake) {
                    log.println("sentio daemon: next session " + session + "; sleeping until 5 minutes before its open");
                }
                if (!sleepUntil(clock, wake, endpoints.trading())) {
                    log.println("sentio daemon: stopping (SIGTERM) between sessions");
                    return ExitCodes.OK;
                }
                String disagreement = VenueFailures.call(endpoints.trading(),
                    () -> calendar.disagreement(session, session.plusDays(CALENDAR_DAYS)));
                if (disagreement != null) {
                    throw new SentioException(ExitCodes.CALENDAR_MISMATCH, "not trading " + session + ": " + disagreement
                        + "; check the exchange's announcements, then correct sentio's calendar or wait for the broker's");
                }
                if (dirs.completed(session) && Files.exists(dirs.dayState(session))) {
                    log.println("sentio daemon: session " + session + " was completed before a restart; handing on its state");
                } else {
                    Path state = Files.exists(dirs.state()) ? dirs.state() : initialState != null ? initialState
                        : warmUp(dirs, session, universe, endpoints, credentials, http, log);
                    int exit = trade(dirs, session, state, log);
                    if (exit != ExitCodes.OK || !dirs.completed(session)) {
                        return exit;
                    }
                }
                finishDay(dirs, session, log);
            }
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** The session to trade: today's if it has not closed yet, else the next; never one the state holds already. */
    private static LocalDate nextSession(LiveClock clock, LocalDate done) throws IOException, InterruptedException {
        clock.anchor();
        long now = clock.epochMillis();
        LocalDate today = LocalDate.ofEpochDay(SessionCalendar.nyEpochDay(now / 1000));
        LocalDate session = SessionCalendar.isTradingDay(today) && now < BrokerCalendar.lastBarEndOf(today) * 1000L ? today
            : SessionCalendar.nextTradingDay(today.plusDays(1));
        if (done != null && !session.isAfter(done)) {
            session = SessionCalendar.nextTradingDay(done.plusDays(1));
        }
        return session;
    }

    /** False when SIGTERM came first. */
    private boolean sleepUntil(LiveClock clock, long epochMillis, String host) throws Exception {
        synchronized (lock) {
            if (stopping) {
                return false;
            }
        }
        try {
            VenueFailures.call(host, () -> {
                MarketSleep.until(clock, epochMillis);
                return null;
            });
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private boolean stopRequested() {
        synchronized (lock) {
            return stopping;
        }
    }

    private int trade(DaemonRoot dirs, LocalDate session, Path state, PrintStream log) throws Exception {
        Files.createDirectories(dirs.day(session));
        live.journal = dirs.journal(session);
        live.state = state;
        live.stateOut = dirs.dayState(session);
        synchronized (lock) {
            if (stopping) {
                return ExitCodes.OK;
            }
            inSession = true;
        }
        try {
            return live.session(log);
        } finally {
            synchronized (lock) {
                inSession = false;
            }
        }
    }

    /** The session is complete: its state becomes the next one's, its report is written, old days go. */
    private void finishDay(DaemonRoot dirs, LocalDate session, PrintStream log) throws IOException {
        dirs.promote(session);
        DaemonReports.write(dirs, session);
        List<LocalDate> removed = dirs.retain(keepSessions);
        log.println("sentio daemon: session " + session + " done: state " + dirs.state() + ", report " + dirs.textReport(session)
            + (removed.isEmpty() ? "" : "; removed the sessions " + removed + " (--keep-sessions " + keepSessions + ")"));
    }

    /** The first day: the sessions before it from the data host, then {@code sentio warmup} on them. */
    private Path warmUp(DaemonRoot dirs, LocalDate session, Universe universe, AlpacaEndpoints endpoints,
                        AlpacaCredentials credentials, OkHttpClient http, PrintStream log) throws Exception {
        if (warmupSessions == 0) {
            log.println("sentio daemon: no state and --warmup-sessions 0: starting cold");
            return null;
        }
        LocalDate last = SessionCalendar.previousTradingDay(session);
        LocalDate firstDay = last;
        for (int i = 1; i < warmupSessions; i++) {
            firstDay = SessionCalendar.previousTradingDay(firstDay);
        }
        LocalDate first = firstDay;
        log.println("sentio daemon: no state yet: downloading " + warmupSessions + " sessions " + first + ".." + last
            + " into " + dirs.history());
        String stream = endpoints.stream();
        VenueFailures.call(endpoints.data(), () -> {
            io.sentio.launcher.alpaca.history.BarCsvDownloader downloader =
                new io.sentio.launcher.alpaca.history.BarCsvDownloader(new io.sentio.launcher.alpaca.history.HistoryClient(
                    rest(http, endpoints.data(), credentials), stream.substring(stream.lastIndexOf('/') + 1),
                    io.sentio.launcher.alpaca.history.HistoryClient.PAGE_LIMIT));
            Files.createDirectories(dirs.history());
            for (String symbol : universe.symbols()) {
                downloader.download(symbol, first, last, dirs.history());
            }
            return null;
        });
        WarmupCommand warmup = new WarmupCommand(wiring, log);
        warmup.market.data = dirs.history();
        warmup.market.symbols = live.symbols;
        warmup.market.params = live.params;
        warmup.blocks = warmupSessions;
        warmup.until = session;
        warmup.outFile = dirs.state();
        warmup.call();
        return dirs.state();
    }

    private static AlpacaRest rest(OkHttpClient http, String base, AlpacaCredentials credentials) {
        return new AlpacaRest(http, base, credentials, new TokenBucket(AlpacaClock.SYSTEM, 200, 200), AlpacaClock.SYSTEM, 3);
    }
}
