package io.sentio.journal;

import io.sentio.journal.codec.RunHeader;
import io.sentio.journal.codec.RunMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Shared fixtures of the journal tests. */
final class JournalTestSupport {
    static final List<String> SYMBOLS = List.of("SVIX", "SVXY", "TQQQ", "UPRO", "QQQ", "SPY", "SH", "PSQ", "SDS",
        "SQQQ", "UVXY", "UVIX");
    static final int N = SYMBOLS.size();
    /** 2025-04-01 09:30 New York. */
    static final long MINUTE = 1_743_514_200L;

    private JournalTestSupport() {
    }

    static Journal open(Path dir) {
        return Journal.open(new Journal.Context().directory(dir).symbolCount(N));
    }

    static RunHeader header() {
        return new RunHeader("bt-20250401-1", "0.1.0-SNAPSHOT", RunMode.BACKTEST, 1_743_500_000_123L,
            0x1234_5678_9abc_def0L, SYMBOLS,
            "{\n  \"oes.ewrls_lambda\": 0.995,\n  \"max_positions\": 3\n}\n".getBytes(StandardCharsets.UTF_8),
            "[\"SVIX\",\"SVXY\"]".getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a deterministic bar set whose values depend on {@code k}; odd symbols absent when k is odd. */
    static long appendBarSet(JournalWriter w, long minute, int k) {
        boolean[] present = new boolean[N];
        boolean[] backfilled = new boolean[N];
        double[] o = new double[N];
        double[] h = new double[N];
        double[] l = new double[N];
        double[] c = new double[N];
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            present[i] = k % 2 == 0 || i % 2 == 0;
            backfilled[i] = i == k % N;
            o[i] = present[i] ? 10 + i + k * 0.01 : Double.NaN;
            h[i] = o[i] + 0.5;
            l[i] = o[i] - 0.25;
            c[i] = o[i] + 0.125;
            v[i] = 1000 * i + k;
        }
        return w.appendBarSet(minute, present, backfilled, o, h, l, c, v);
    }
}
