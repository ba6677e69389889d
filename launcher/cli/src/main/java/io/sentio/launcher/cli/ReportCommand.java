package io.sentio.launcher.cli;

import io.sentio.journal.JournalException;
import io.sentio.journal.JournalReader;
import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.SentioException;
import io.sentio.launcher.report.DailyReport;
import io.sentio.launcher.report.DailyReportWriter;
import io.sentio.launcher.report.JournalDays;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sentio report}: the daily report of a live, paper or mock session (or any backtest day) from its journal. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Daily report of one session of a journal: trades, P&L, metrics; text on stdout, optional HTML.")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Journal directory of a run.")
    Path journal;

    @Option(names = "--date", paramLabel = "DATE", description = "Session (yyyy-mm-dd; default the journal's last).")
    LocalDate date;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as self-contained HTML.")
    Path html;

    @Override
    public Integer call() {
        List<DailyReport> days;
        try (JournalReader reader = JournalReader.open(journal)) {
            days = JournalDays.read(reader);
            reader.requireEnd();
        } catch (JournalException e) {
            if (e.getMessage().startsWith("no journal at")) {
                throw SentioException.badUsage("--journal: " + e.getMessage());
            }
            throw SentioException.badData(journal + ": " + e.getMessage());
        }
        if (days.isEmpty()) {
            throw SentioException.badData(journal + ": no session in the journal (no fill, decision, bar set or summary)");
        }
        DailyReport day = pick(days);
        DailyReportWriter writer = new DailyReportWriter();
        PrintWriter out = spec.commandLine().getOut();
        out.print(writer.renderText(day));
        out.flush();
        if (html != null) {
            try {
                writer.writeHtml(day, html);
            } catch (IOException e) {
                throw new SentioException(ExitCodes.FAILURE, "--html: cannot write " + html + ": " + e.getMessage(), e);
            }
        }
        return ExitCodes.OK;
    }

    private DailyReport pick(List<DailyReport> days) {
        if (date == null) {
            return days.get(days.size() - 1);
        }
        for (DailyReport d : days) {
            if (d.date.equals(date)) {
                return d;
            }
        }
        throw SentioException.badUsage("--date " + date + ": not in the journal (sessions " + days.get(0).date + " to "
            + days.get(days.size() - 1).date + ")");
    }
}
