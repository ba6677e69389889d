package io.sentio.launcher.cli;

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
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code backtest --report}: the tear sheet of a run, with the same backtest re-run under two
 * other fill conventions so the reader sees how much of the result is the fill assumption:
 * next open (the run itself), next open with one more basis point of slippage, and same-bar
 * close (an upper bound no live order can reach).
 */
final class BacktestReport {
    /** Re-runs the backtest with other params or another fill timing, everything else equal. */
    interface Rerun {
        RunResult run(StrategyParams params, FillTiming timing);
    }

    private BacktestReport() {
    }

    static void write(Path file, String title, String runId, RunResult primary, StrategyParams params, Rerun rerun) {
        StrategyParams plusOne = params.toBuilder().set(SLIPPAGE_BPS, params.slippageBps + 1.0).conclude();
        RunResult slipped = rerun.run(plusOne, FillTiming.NEXT_OPEN);
        RunResult sameBar = rerun.run(params, FillTiming.SAME_BAR_CLOSE);
        List<FillConvention> conventions = List.of(
            new FillConvention(String.format(Locale.ROOT, "next open, %.2f bp (this run)", params.slippageBps),
                BacktestReportBuilder.metrics(primary.metrics)),
            new FillConvention(String.format(Locale.ROOT, "next open + 1 bp (%.2f bp)", plusOne.slippageBps),
                BacktestReportBuilder.metrics(slipped.metrics)),
            new FillConvention(String.format(Locale.ROOT,
                "same-bar close, %.2f bp (UPPER BOUND: trades at the close the decision saw)", params.slippageBps),
                BacktestReportBuilder.metrics(sameBar.metrics)));
        ReportModel model = BacktestReportBuilder.build(title, runId, primary, params, conventions);
        try {
            new HtmlReportWriter().write(model, file);
        } catch (IOException e) {
            throw new SentioException(ExitCodes.FAILURE, "--report: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
