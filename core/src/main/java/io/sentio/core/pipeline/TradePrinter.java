package io.sentio.core.pipeline;

import io.sentio.core.execution.ClientOrderIds;
import io.sentio.core.execution.FillBatch;
import io.sentio.core.execution.OrderBatch;
import io.sentio.core.execution.OrderReason;
import io.sentio.core.market.Universe;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Prints entries, exits, rotations, fills and a day summary as they happen (the {@code mock}
 * command's console), from {@code fromDay} on. Formats strings, so it is for paced runs only.
 */
public final class TradePrinter implements TradeListener {
    private final Universe universe;
    private final PrintStream out;
    private final long fromDay;
    private final String runId;
    private int dayFills;

    public TradePrinter(Universe universe, PrintStream out, long fromDay, String runId) {
        this.universe = universe;
        this.out = out;
        this.fromDay = fromDay;
        this.runId = runId;
    }

    @Override
    public void onOrders(PipelineEvent ev) {
        if (ev.received.nyEpochDay < fromDay) {
            return;
        }
        OrderBatch o = ev.orders;
        String time = clock(ev.received.sessionMinute);
        int rotationExits = 0;
        for (int i = 0; i < o.count(); i++) {
            if (o.reason(i) == OrderReason.EXIT_ROTATION) {
                rotationExits++;
            }
        }
        int entriesSeen = 0;
        for (int i = 0; i < o.count(); i++) {
            String sym = universe.symbol(o.symbol(i));
            out.printf(Locale.ROOT, "%s %-20s %-5s %+d  [%s]%n", time, OrderReason.name(o.reason(i)), sym, o.quantity(i),
                ClientOrderIds.of(runId, ev.received.epochSecond, sym, o.sequence(i)));
            if (o.reason(i) == OrderReason.ENTRY && entriesSeen < rotationExits) {
                String from = nthRotationExit(o, entriesSeen);
                out.printf(Locale.ROOT, "%s %-20s %s -> %s%n", time, "rotation", from, sym);
                entriesSeen++;
            }
        }
    }

    private String nthRotationExit(OrderBatch o, int n) {
        int seen = 0;
        for (int i = 0; i < o.count(); i++) {
            if (o.reason(i) == OrderReason.EXIT_ROTATION && seen++ == n) {
                return universe.symbol(o.symbol(i));
            }
        }
        throw new IllegalStateException("no rotation exit " + n);
    }

    @Override
    public void onFills(PipelineEvent ev) {
        // a FILL event (a final report after the session's last bar set) carries no bar set of its own
        boolean afterClose = ev.kind == PipelineEvent.FILL;
        if (!afterClose && ev.received.nyEpochDay < fromDay) {
            return;
        }
        FillBatch f = ev.fills;
        String time = afterClose ? "close" : clock(ev.received.sessionMinute);
        for (int i = 0; i < f.count(); i++) {
            String sym = universe.symbol(f.symbol(i));
            if (f.status(i) == FillBatch.FILLED) {
                dayFills++;
                out.printf(Locale.ROOT, "%s %-20s %-5s %+d @ %.4f%n", time, "fill", sym, f.quantity(i), f.price(i));
            } else {
                out.printf(Locale.ROOT, "%s %-20s %-5s (%s order)%n", time, "cancelled", sym, OrderReason.name(f.reason(i)));
            }
        }
    }

    @Override
    public void onSessionEnd(PipelineEvent ev) {
        if (ev.received.nyEpochDay < fromDay) {
            return;
        }
        out.printf(Locale.ROOT, "%s day return %+.4f%%, equity %.2f, fills %d%n",
            LocalDate.ofEpochDay(ev.received.nyEpochDay), 100 * ev.sessionReturn, ev.equity, dayFills);
        dayFills = 0;
    }

    private static String clock(int sessionMinute) {
        int m = 9 * 60 + 30 + sessionMinute;
        return String.format(Locale.ROOT, "%02d:%02d", m / 60, m % 60);
    }
}
