package io.sentio.journal;

import io.sentio.core.state.StateCodec;
import io.sentio.journal.codec.BarSetRecord;
import io.sentio.journal.codec.DecisionRecord;
import io.sentio.journal.codec.ExecReportRecord;
import io.sentio.journal.codec.FailedRecord;
import io.sentio.journal.codec.FillRecord;
import io.sentio.journal.codec.OrderRecord;
import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.codec.SessionSummaryRecord;
import io.sentio.journal.codec.SignalsRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders the reader's current record as one line of text, for tools and logs (never the hot
 * path). Doubles print in Java's shortest round-tripping form, so the text is exact; minutes
 * print in New York time. Symbols are named once a RUN_HEADER has been seen, else "#index". A
 * shadow desk's record names its desk ({@code desk=N} after the index); a line without it is desk
 * 0's (the trading desk, and every input and control record), as in journals before shadow desks.
 */
public final class RecordFormatter {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private List<String> symbols = List.of();

    /** Names symbols from this list until a RUN_HEADER is formatted. */
    public RecordFormatter symbols(List<String> names) {
        this.symbols = List.copyOf(names);
        return this;
    }

    public String format(JournalReader r) {
        StringBuilder out = new StringBuilder(256);
        out.append("seq=").append(r.sequence()).append(" index=0x").append(Long.toHexString(r.index()));
        if (r.desk() != 0) {
            out.append(" desk=").append(r.desk());
        }
        out.append(' ').append(r.kind()).append(' ');
        switch (r.kind()) {
            case RUN_HEADER:
                RunHeader h = r.runHeader();
                symbols = h.symbols();
                out.append(h);
                break;
            case DESK:
                out.append(r.deskDefinition());
                break;
            case BAR_SET:
                barSet(r.barSet(), out);
                break;
            case CLOCK:
                out.append("millis=").append(r.clock().epochMillis())
                    .append(" (").append(Instant.ofEpochMilli(r.clock().epochMillis())).append(')');
                break;
            case EXEC_REPORT:
                ExecReportRecord rep = r.execReport();
                out.append(symbol(rep.symbol())).append(" order=").append(rep.orderSequence()).append(" status=")
                    .append(rep.status()).append(" filled=").append(rep.filledQuantity()).append(" avg=")
                    .append(rep.averagePrice()).append(" venue_millis=").append(rep.venueMillis());
                break;
            case SIGNALS:
                signals(r.signals(), out);
                break;
            case DECISION:
                DecisionRecord d = r.decision();
                minute(d.minute(), out).append(' ').append(d.decisionKind()).append(' ').append(symbol(d.symbol()))
                    .append(" strength=").append(d.strength()).append(" p=").append(d.probability())
                    .append(" reason=").append(d.reason());
                break;
            case ORDER:
                OrderRecord o = r.order();
                out.append("id=");
                o.appendClientOrderId(out);
                out.append(' ');
                minute(o.minute(), out).append(' ').append(o.side()).append(' ').append(o.qty()).append(' ')
                    .append(symbol(o.symbol())).append(' ').append(o.type());
                break;
            case FILL:
                FillRecord f = r.fill();
                out.append("id=");
                f.appendClientOrderId(out);
                out.append(' ');
                minute(f.minute(), out).append(' ').append(f.status()).append(' ').append(f.side()).append(' ')
                    .append(f.qty()).append(' ').append(symbol(f.symbol())).append(" @ ").append(f.price())
                    .append(" commission=").append(f.commission());
                break;
            case SKIPPED:
                minute(r.skipped().minute(), out).append(" missing=").append(r.skipped().missing());
                break;
            case FAILED:
                FailedRecord x = r.failed();
                minute(x.minute(), out).append(" stage=").append(x.stage()).append(' ').append(x.exceptionClass());
                break;
            case SESSION_SUMMARY:
                SessionSummaryRecord s = r.sessionSummary();
                out.append("day=").append(LocalDate.ofEpochDay(s.nyEpochDay())).append(" equity=").append(s.equity())
                    .append(" return=").append(s.dayReturn()).append(" trades=").append(s.trades());
                break;
            case STATE_SNAPSHOT:
                out.append("fingerprint=").append(StateCodec.hex(r.stateSnapshot().fingerprint()))
                    .append(" bytes=").append(r.stateSnapshot().blobLength());
                break;
            case RUN_END:
                out.append("barSets=").append(r.runEnd().barSets()).append(" stateHash=")
                    .append(StateCodec.hex(r.runEnd().stateHash()));
                break;
            default:
                throw new IllegalStateException("no format for " + r.kind());
        }
        return out.toString();
    }

    private void barSet(BarSetRecord b, StringBuilder out) {
        minute(b.minute(), out);
        for (int i = 0; i < b.symbolCount(); i++) {
            out.append(' ').append(symbol(i));
            if (!b.present(i)) {
                out.append("{absent}");
                continue;
            }
            out.append(b.backfilled(i) ? "{backfilled o=" : "{o=").append(b.open(i)).append(" h=").append(b.high(i))
                .append(" l=").append(b.low(i)).append(" c=").append(b.close(i)).append(" v=").append(b.volume(i))
                .append('}');
        }
    }

    private void signals(SignalsRecord s, StringBuilder out) {
        minute(s.minute(), out);
        for (int i = 0; i < s.symbolCount(); i++) {
            out.append(' ').append(symbol(i)).append("{p=").append(s.probability(i)).append(" C=")
                .append(s.confidence(i)).append(" s=").append(s.strength(i)).append(" sig=").append(s.signal(i))
                .append('}');
        }
    }

    private static StringBuilder minute(long epochSecond, StringBuilder out) {
        return out.append("minute=").append(MINUTE.format(Instant.ofEpochSecond(epochSecond).atZone(NEW_YORK)));
    }

    private String symbol(int index) {
        return index >= 0 && index < symbols.size() ? symbols.get(index) : "#" + index;
    }
}
