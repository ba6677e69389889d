package io.sentio.launcher.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentio.core.config.StrategyParams;
import io.sentio.core.time.SessionCalendar;
import io.sentio.journal.JournalReader;
import io.sentio.journal.codec.BarSetRecord;
import io.sentio.journal.codec.DecisionKind;
import io.sentio.journal.codec.FillRecord;
import io.sentio.journal.codec.FillStatus;
import io.sentio.journal.codec.JournalFormat;
import io.sentio.journal.codec.RecordKind;
import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.codec.RunMode;
import io.sentio.journal.codec.SessionSummaryRecord;
import io.sentio.journal.codec.Side;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.config.ParamsLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place that turns journal records into daily reports (DESIGN §8 records): RUN_HEADER
 * (run id, mode, symbols, the params as given: costs and initial capital), FILL (trades, P&L,
 * round trips; CANCELLED and REJECTED counted), DECISION (counted by kind), BAR_SET (the last
 * real close of each symbol, to mark anything still held) and SESSION_SUMMARY (the session's
 * equity and return as the engine computed them). Sessions are New York dates of the records'
 * minutes. The journal holds no latency record, so the reports say latency was not measured.
 * A header without params (none given) means the built-in defaults, whose costs the report states.
 */
public final class JournalDays {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JournalDays() {
    }

    /**
     * One report per session found in the journal, in journal order: the traded desk's (desk 0),
     * with each shadow desk's session summary of that day beside it.
     */
    public static List<DailyReport> read(JournalReader reader) {
        Map<Long, List<ShadowDay>> shadows = shadowDays(reader);
        reader.kinds(RecordKind.RUN_HEADER, RecordKind.FILL, RecordKind.DECISION, RecordKind.BAR_SET,
            RecordKind.SESSION_SUMMARY).desks(0, 0).toStart();
        if (!reader.next() || reader.kind() != RecordKind.RUN_HEADER) {
            throw SentioException.badData("journal does not start with a RUN_HEADER record");
        }
        RunHeader header = reader.runHeader();
        StrategyParams params = params(header);
        List<String> symbols = header.symbols();
        List<DayBook> books = new ArrayList<>();
        DayBook book = null;
        while (reader.next()) {
            long day = dayOf(reader);
            if (book == null || day != book.date.toEpochDay()) {
                book = book == null ? new DayBook(LocalDate.ofEpochDay(day), symbols.size()) : book.next(LocalDate.ofEpochDay(day));
                books.add(book);
            }
            apply(reader, book, symbols);
        }
        List<DailyReport> out = new ArrayList<>(books.size());
        double previousEnd = params.initialCapital;
        for (DayBook b : books) {
            DailyReport r = report(header, params, symbols, b, previousEnd,
                shadows.getOrDefault(b.date.toEpochDay(), List.of()));
            previousEnd = r.endEquity;
            out.add(r);
        }
        return out;
    }

    /** The shadow desks' SESSION_SUMMARY records by New York day, named by their DESK records, in desk order. */
    private static Map<Long, List<ShadowDay>> shadowDays(JournalReader reader) {
        reader.kinds(RecordKind.DESK, RecordKind.SESSION_SUMMARY).desks(1, JournalFormat.MAX_DESK).toStart();
        Map<Integer, String> names = new HashMap<>();
        Map<Long, TreeMap<Integer, ShadowDay>> days = new TreeMap<>();
        while (reader.next()) {
            if (reader.kind() == RecordKind.DESK) {
                names.put(reader.desk(), reader.deskDefinition().name());
                continue;
            }
            SessionSummaryRecord sum = reader.sessionSummary();
            String name = names.getOrDefault(reader.desk(), "shadow desk " + reader.desk());
            days.computeIfAbsent(sum.nyEpochDay(), d -> new TreeMap<>()).put(reader.desk(),
                new ShadowDay(name, sum.equity(), 100 * sum.dayReturn(), sum.trades()));
        }
        Map<Long, List<ShadowDay>> out = new HashMap<>();
        days.forEach((day, byDesk) -> out.put(day, List.copyOf(byDesk.values())));
        return out;
    }

    private static long dayOf(JournalReader reader) {
        switch (reader.kind()) {
            case FILL:
                return SessionCalendar.nyEpochDay(reader.fill().minute());
            case DECISION:
                return SessionCalendar.nyEpochDay(reader.decision().minute());
            case BAR_SET:
                return SessionCalendar.nyEpochDay(reader.barSet().minute());
            case SESSION_SUMMARY:
                return reader.sessionSummary().nyEpochDay();
            default:
                throw SentioException.badData("journal record " + reader.sequence() + ": a second " + reader.kind()
                    + " (one run per journal)");
        }
    }

    private static void apply(JournalReader reader, DayBook book, List<String> symbols) {
        switch (reader.kind()) {
            case FILL: {
                FillRecord f = reader.fill();
                checkSymbol(reader, f.symbol(), symbols);
                if (f.status() == FillStatus.CANCELLED) {
                    book.cancelled++;
                } else if (f.status() == FillStatus.REJECTED) {
                    book.rejected++;
                } else if (f.qty() > 0) {
                    Trade t = new Trade(f.minute(), symbols.get(f.symbol()),
                        f.side() == Side.BUY ? Trade.Side.BUY : Trade.Side.SELL, f.qty(), f.price(), f.clientOrderId());
                    book.fill(t, f.symbol(), f.commission());
                }
                break;
            }
            case DECISION:
                book.decisions[reader.decision().decisionKind().ordinal()]++;
                break;
            case BAR_SET: {
                BarSetRecord bars = reader.barSet();
                for (int s = 0; s < Math.min(bars.symbolCount(), symbols.size()); s++) {
                    if (bars.present(s)) {
                        book.lastClose[s] = bars.close(s);
                    }
                }
                break;
            }
            case SESSION_SUMMARY: {
                SessionSummaryRecord sum = reader.sessionSummary();
                book.hasSummary = true;
                book.summaryEquity = sum.equity();
                book.summaryReturn = sum.dayReturn();
                book.summaryTrades = sum.trades();
                break;
            }
            default:
                throw new AssertionError(reader.kind());
        }
    }

    private static void checkSymbol(JournalReader reader, int symbol, List<String> symbols) {
        if (symbol < 0 || symbol >= symbols.size()) {
            throw SentioException.badData("journal record " + reader.sequence() + ": symbol index " + symbol
                + " outside the run header's " + symbols.size() + " symbols");
        }
    }

    private static DailyReport report(RunHeader header, StrategyParams params, List<String> symbols, DayBook b,
                                      double previousEnd, List<ShadowDay> shadows) {
        double pnl = 0;
        for (int s = 0; s < symbols.size(); s++) {
            pnl += b.symbolPnl(s);
        }
        double start;
        double end;
        if (b.hasSummary) {
            end = b.summaryEquity;
            start = end / (1 + b.summaryReturn);
        } else {
            start = previousEnd;
            end = previousEnd + pnl;
        }
        DailyReport.Builder r = DailyReport.builder().date(b.date).runId(header.runId()).mode(mode(header.mode()))
            .costs(Costs.of(params)).equity(start, end);
        shadows.forEach(r::shadow);
        for (Trade t : b.trades) {
            r.trade(t);
        }
        for (int s = 0; s < symbols.size(); s++) {
            if (b.symbolPnl(s) != 0) {
                r.symbolPnl(new SymbolPnl(symbols.get(s), b.symbolPnl(s)));
            }
        }
        r.metric(Metric.of("return %", (end / start - 1) * 100));
        r.metric(Metric.count("fills", b.trades.size()));
        r.metric(Metric.count("cancelled orders", b.cancelled));
        r.metric(Metric.count("rejected orders", b.rejected));
        r.metric(Metric.count("round trips", b.roundTripPnl.size()));
        r.metric(Metric.of("win rate", winRate(b.roundTripPnl)));
        r.metric(new Metric("traded notional", b.tradedNotional, 2));
        r.metric(Metric.of("turnover (notional / start equity)", b.tradedNotional / start));
        r.metric(new Metric("commissions", b.commissions, 2));
        r.metric(Metric.count("shares open at the last record", b.openShares()));
        for (DecisionKind k : DecisionKind.values()) {
            r.metric(Metric.count("decisions " + k.name(), b.decisions[k.ordinal()]));
        }
        r.metric(Metric.count("session summary journaled (0: equity from fills and last closes)", b.hasSummary ? 1 : 0));
        if (b.hasSummary) {
            r.metric(Metric.count("trades (session summary)", b.summaryTrades));
        }
        return r.conclude();
    }

    private static double winRate(List<Double> pnl) {
        if (pnl.isEmpty()) {
            return Double.NaN;
        }
        int wins = 0;
        for (double p : pnl) {
            if (p > 0) {
                wins++;
            }
        }
        return wins / (double) pnl.size();
    }

    private static String mode(RunMode mode) {
        switch (mode) {
            case LIVE_PAPER:
                return "paper";
            default:
                return mode.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The run's params as given in its header; costs and initial capital come from them. */
    private static StrategyParams params(RunHeader header) {
        byte[] json = header.paramsJson();
        if (json.length == 0) {
            return StrategyParams.defaults();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw SentioException.badData("journal run header: params are not JSON: " + e.getMessage());
        }
        return ParamsLoader.fromJson(root, "journal run header params");
    }
}
