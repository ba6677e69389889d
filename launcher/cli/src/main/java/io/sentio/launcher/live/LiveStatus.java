package io.sentio.launcher.live;

import io.sentio.core.execution.ExecutionReport;
import io.sentio.core.execution.FillBatch;
import io.sentio.core.market.Universe;
import io.sentio.core.pipeline.PipelineEvent;
import io.sentio.core.pipeline.TradeListener;
import io.sentio.launcher.alpaca.AlpacaClock;
import java.io.PrintStream;
import java.util.Locale;

/**
 * One status line per minute on stderr (equity, positions, the minute, lag behind the market
 * clock) and the daemon's view of its positions, kept from the fills and adoptions that went
 * through the portfolio stage. Runs on the execution stage.
 */
final class LiveStatus implements TradeListener {
    private final Universe universe;
    private final AlpacaClock clock;
    private final PrintStream err;
    private final long[] position;
    private volatile boolean quiet;
    private volatile double equity = Double.NaN;
    private volatile int lastMinute = -1;

    LiveStatus(Universe universe, AlpacaClock clock, PrintStream err) {
        this.universe = universe;
        this.clock = clock;
        this.err = err;
        this.position = new long[universe.size()];
    }

    @Override
    public void onFills(PipelineEvent ev) {
        FillBatch f = ev.fills;
        synchronized (position) {
            for (int i = 0; i < f.count(); i++) {
                if (f.status(i) == FillBatch.FILLED) {
                    position[f.symbol(i)] += f.quantity(i);
                }
            }
        }
    }

    @Override
    public void onReport(PipelineEvent ev) {
        if (ev.report.status == ExecutionReport.ADOPTED) {
            synchronized (position) {
                position[ev.report.symbol] += ev.report.filledQuantity;
            }
        }
    }

    /** While a restart replays its journal: no status line per replayed minute. */
    void quiet(boolean on) {
        quiet = on;
    }

    @Override
    public void onBarSet(PipelineEvent ev) {
        equity = ev.equity;
        lastMinute = ev.received.sessionMinute;
        if (quiet) {
            return;
        }
        long lagMillis = clock.epochMillis() - (ev.received.epochSecond + 60) * 1000L;
        int m = 9 * 60 + 30 + ev.received.sessionMinute;
        err.printf(Locale.ROOT, "live %02d:%02d equity %.2f positions %s lag %d ms%s%n", m / 60, m % 60, ev.equity,
            positionsText(), lagMillis, ev.backfilled ? " (backfilled)" : "");
    }

    /** "SYM=qty,..." of the non-zero positions, universe order; "flat" when none. */
    String positionsText() {
        StringBuilder b = new StringBuilder();
        synchronized (position) {
            for (int s = 0; s < position.length; s++) {
                if (position[s] != 0) {
                    b.append(b.length() == 0 ? "" : ",").append(universe.symbol(s)).append('=').append(position[s]);
                }
            }
        }
        return b.length() == 0 ? "flat" : b.toString();
    }

    /** After a restart replayed its journal: the portfolio's positions, whose fills were not re-announced. */
    void position(int symbol, long shares) {
        synchronized (position) {
            position[symbol] = shares;
        }
    }

    long position(int symbol) {
        synchronized (position) {
            return position[symbol];
        }
    }

    double equity() {
        return equity;
    }

    int lastMinute() {
        return lastMinute;
    }
}
