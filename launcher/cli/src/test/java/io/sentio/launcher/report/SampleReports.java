package io.sentio.launcher.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

/** Realistic, seeded report models for the writer tests: 20 sessions of 390 one-minute bars. */
final class SampleReports {
    static final String NASTY_TITLE = "Rotation <script>alert('x')</script> & \"co\"";
    static final int SESSIONS = 20;
    static final int BARS_PER_SESSION = 390;
    private static final String[] SYMBOLS = {"TQQQ", "SQQQ", "UVXY", "SVIX", "SSO", "SDS"};

    private SampleReports() {
    }

    static ReportModel tearSheet(String title) {
        SplittableRandom rnd = new SplittableRandom(42);
        int n = SESSIONS * BARS_PER_SESSION;
        long[] t = new long[n];
        double[] eq = new double[n];
        double[] bh = new double[n];
        ReportModel.Builder b = ReportModel.builder().title(title).runId("bt-2025-04-01-<run&1>")
            .costs(new Costs(1.5, 0.5, 0.01, 0.005));
        LocalDate day = LocalDate.of(2025, 4, 1);
        double e = 100_000;
        double h = 100_000;
        int i = 0;
        for (int s = 0; s < SESSIONS; s++) {
            while (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(1);
            }
            long open = day.atTime(9, 30).atZone(ZoneId.of("America/New_York")).toEpochSecond();
            double dayStart = e;
            for (int m = 0; m < BARS_PER_SESSION; m++) {
                t[i] = open + 60L * (m + 1);
                e *= 1 + (rnd.nextDouble() - 0.497) * 0.0015;
                h *= 1 + (rnd.nextDouble() - 0.499) * 0.0012;
                eq[i] = e;
                bh[i] = h;
                i++;
            }
            b.dailyReturn(new DailyReturn(day, (e / dayStart - 1) * 100));
            for (int k = 0; k < 6; k++) {
                long entry = open + 60L * (1 + k * 60);
                b.holding(new HoldingInterval(SYMBOLS[(s + k) % SYMBOLS.length], entry, entry + 60L * 45,
                    (rnd.nextDouble() - 0.45) * 300));
            }
            day = day.plusDays(1);
        }
        b.equityCurve(t, eq, bh);
        b.metric(Metric.count("sessions", SESSIONS)).metric(Metric.of("mrd_pct", 0.0123456))
            .metric(Metric.of("sharpe", 1.23456)).metric(Metric.of("max_drawdown_pct", -2.5))
            .metric(Metric.count("trades", 240)).metric(Metric.of("total_return_pct", (e / 100_000 - 1) * 100));
        for (int k = 0; k < SYMBOLS.length; k++) {
            b.contribution(new SymbolPnl(SYMBOLS[k], (k - 2) * 321.5));
        }
        b.fillConvention(new FillConvention("next open", List.of(Metric.of("sharpe", 1.23456), Metric.of("mrd_pct", 0.0123))))
            .fillConvention(new FillConvention("next open + 1 bp", List.of(Metric.of("sharpe", 0.5), Metric.of("mrd_pct", 0.004))))
            .fillConvention(new FillConvention("same-bar close", List.of(Metric.of("sharpe", 2.75))));
        b.latency(new Percentile("p50", 3.25)).latency(new Percentile("p99", 17.5))
            .latency(new Percentile("p999", 48.0)).latency(new Percentile("max", 812.0));
        b.param("max_positions", "3").param("rotation_threshold", "1.23").param("oes.ewrls_lambda", "0.995");
        return b.conclude();
    }

    static DailyReport day() {
        long open = LocalDate.of(2025, 8, 29).atTime(9, 30).atZone(ZoneId.of("America/New_York")).toEpochSecond();
        return DailyReport.builder().date(LocalDate.of(2025, 8, 29)).runId("mock-<1>").mode("mock")
            .costs(new Costs(1.0, 0.5, 0.01, 0.0)).equity(100_000, 100_412.37)
            .trade(new Trade(open + 120, "TQQQ", Trade.Side.BUY, 310, 96.4321, "mock-1-0930-TQQQ-1"))
            .trade(new Trade(open + 3_600, "TQQQ", Trade.Side.SELL, 310, 97.7654, "mock-1-1030-TQQQ-2"))
            .trade(new Trade(open + 3_660, "S&P<x>", Trade.Side.BUY, 10, 12.5, "mock-1-1031-SPX-3"))
            .symbolPnl(new SymbolPnl("TQQQ", 413.32)).symbolPnl(new SymbolPnl("S&P<x>", -0.95))
            .metric(Metric.count("trades", 3)).metric(Metric.of("max_drawdown_pct", -0.3121))
            .latency(new Percentile("p50", 4.5)).latency(new Percentile("p99", 21.0))
            .conclude();
    }
}
