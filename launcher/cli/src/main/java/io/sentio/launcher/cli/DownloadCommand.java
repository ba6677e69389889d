package io.sentio.launcher.cli;

import io.sentio.core.market.Universe;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.alpaca.AlpacaClock;
import io.sentio.launcher.alpaca.AlpacaCredentials;
import io.sentio.launcher.alpaca.AlpacaEndpoints;
import io.sentio.launcher.alpaca.AlpacaRest;
import io.sentio.launcher.alpaca.TokenBucket;
import io.sentio.launcher.alpaca.history.BarCsvDownloader;
import io.sentio.launcher.alpaca.history.HistoryClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sentio download}: Alpaca history bars into one regular-hours CSV per symbol, resumable. */
@Command(name = "download", mixinStandardHelpOptions = true,
    description = {"Download Alpaca 1-minute history bars into SYMBOL_RTH_NH.csv files (regular hours only).",
        "An existing file is continued after its last bar. Keys from APCA_API_KEY_ID / APCA_API_SECRET_KEY or the env file."})
public final class DownloadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--symbols", required = true, description = "Comma-separated symbols, e.g. SPY,QQQ")
    String symbols;

    @Option(names = "--days", required = true, description = "Number of trading sessions, ending with --until")
    int days;

    @Option(names = "--out", required = true, description = "Output directory")
    Path out;

    @Option(names = "--until", description = "Last session to download (default: the last completed session, New York)")
    String until;

    @Option(names = "--data-url", description = "History API host (default $APCA_API_DATA_URL or " + AlpacaEndpoints.DATA + ")")
    String dataUrl;

    @Option(names = "--feed", defaultValue = "iex", description = "iex or sip (default ${DEFAULT-VALUE})")
    String feed;

    @Option(names = "--env-file", defaultValue = "config.env", description = "KEY=VALUE file with the Alpaca keys (default ${DEFAULT-VALUE})")
    Path envFile;

    @Override
    public Integer call() throws Exception {
        if (days < 1 || days > 2000) {
            throw SentioException.badUsage("--days must be 1..2000, got " + days);
        }
        if (!"iex".equals(feed) && !"sip".equals(feed)) {
            throw SentioException.badUsage("--feed must be iex or sip, got " + feed);
        }
        List<String> list = Arrays.asList(symbols.split(","));
        Universe universe;
        try {
            universe = new Universe(list);
        } catch (IllegalArgumentException e) {
            throw SentioException.badUsage("--symbols: " + e.getMessage());
        }
        LocalDate last = until == null ? lastCompletedSession(System.currentTimeMillis()) : parseDate(until);
        LocalDate first = last;
        for (int i = 1; i < days; i++) {
            first = SessionCalendar.previousTradingDay(first);
        }
        AlpacaCredentials credentials = AlpacaCredentials.resolve(System.getenv(), envFile);
        AlpacaEndpoints endpoints = AlpacaEndpoints.resolve(null, dataUrl, null, System.getenv(), true);
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();
        try {
            AlpacaRest rest = new AlpacaRest(http, endpoints.data(), credentials,
                new TokenBucket(AlpacaClock.SYSTEM, 200, 200), AlpacaClock.SYSTEM, 5);
            BarCsvDownloader downloader = new BarCsvDownloader(new HistoryClient(rest, feed, HistoryClient.PAGE_LIMIT));
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter outWriter = spec.commandLine().getOut();
            for (String symbol : universe.symbols()) {
                err.println("download: " + symbol + " " + first + ".." + last);
                err.flush();
                long rows = downloader.download(symbol, first, last, out);
                outWriter.println(BarCsvDownloader.file(out, symbol) + ": " + rows + " rows appended");
                outWriter.flush();
            }
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        return 0;
    }

    private static LocalDate parseDate(String s) {
        LocalDate d;
        try {
            d = LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw SentioException.badUsage("--until: not a date (YYYY-MM-DD): " + s);
        }
        if (!SessionCalendar.covers(d)) {
            throw SentioException.badUsage("--until: " + s + " is outside the session calendar " + SessionCalendar.COVERAGE);
        }
        if (!SessionCalendar.isTradingDay(d)) {
            throw SentioException.badUsage("--until: " + s + " is not an NYSE trading day");
        }
        return d;
    }

    /** Today if its session has closed in New York, else the previous trading day. */
    static LocalDate lastCompletedSession(long epochMillis) {
        long now = epochMillis / 1000;
        LocalDate today = LocalDate.ofEpochDay(SessionCalendar.nyEpochDay(now));
        if (SessionCalendar.isTradingDay(today)
            && now >= SessionCalendar.openEpochSecond(today.toEpochDay()) + 60L * (SessionCalendar.closeMinute(today) + 1)) {
            return today;
        }
        return SessionCalendar.previousTradingDay(today);
    }
}
