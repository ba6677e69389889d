package io.sentio.launcher.cli;

import static io.sentio.core.config.StrategyParamTable.HALF_SPREAD_TICKS;
import static io.sentio.core.config.StrategyParamTable.SLIPPAGE_BPS;

import io.sentio.core.config.StrategyParams;
import io.sentio.core.execution.FillTiming;
import io.sentio.core.pipeline.RunResult;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.report.BacktestReportBuilder;
import io.sentio.launcher.report.FillConvention;
import io.sentio.launcher.report.HtmlReportWriter;
import io.sentio.launcher.report.ReportModel;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code backtest --report}: the tear sheet of a run, with the same backtest re-run under other
 * fill conventions so the reader sees the whole band the fill assumption spans: next open (the run
 * itself), next open with no costs but commission (0 bp, no tick floor: the gross edge), next open
 * with one more basis point of slippage, and same-bar close (an upper bound no live order can reach).
 */
final class BacktestReport {
    /** Re-runs the backtest with other params or another fill timing, everything else equal. */
    interface Rerun {
        RunResult run(StrategyParams params, FillTiming timing);
    }

    private BacktestReport() {
    }

    static void write(Path file, String title, String runId, RunResult primary, StrategyParams params, Rerun rerun) {
        StrategyParams free = params.toBuilder().set(SLIPPAGE_BPS, 0.0).set(HALF_SPREAD_TICKS, 0.0).conclude();
        StrategyParams plusOne = params.toBuilder().set(SLIPPAGE_BPS, params.slippageBps + 1.0).conclude();
        RunResult gross = rerun.run(free, FillTiming.NEXT_OPEN);
        RunResult slipped = rerun.run(plusOne, FillTiming.NEXT_OPEN);
        RunResult sameBar = rerun.run(params, FillTiming.SAME_BAR_CLOSE);
        String floor = floor(params);
        List<FillConvention> conventions = List.of(
            new FillConvention(String.format(Locale.ROOT, "next open, %.2f bp%s (this run)", params.slippageBps, floor),
                BacktestReportBuilder.metrics(primary.metrics)),
            new FillConvention("next open, 0 bp, no tick floor (no spread paid)",
                BacktestReportBuilder.metrics(gross.metrics)),
            new FillConvention(String.format(Locale.ROOT, "next open + 1 bp (%.2f bp%s)", plusOne.slippageBps, floor),
                BacktestReportBuilder.metrics(slipped.metrics)),
            new FillConvention(String.format(Locale.ROOT,
                "same-bar close, %.2f bp%s (UPPER BOUND: trades at the close the decision saw)", params.slippageBps,
                floor), BacktestReportBuilder.metrics(sameBar.metrics)));
        ReportModel model = BacktestReportBuilder.build(title, runId, primary, params, conventions);
        try {
            new HtmlReportWriter().write(model, file);
        } catch (IOException e) {
            throw new SentioException(ExitCodes.FAILURE, "--report: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** ", floor 0.5 tick x $0.01" when the half-spread floor is on, else nothing. */
    private static String floor(StrategyParams p) {
        return p.halfSpreadTicks == 0.0 ? "" : String.format(Locale.ROOT, ", floor %s tick x $%s",
            trim(p.halfSpreadTicks), trim(p.tickSize));
    }

    private static String trim(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
