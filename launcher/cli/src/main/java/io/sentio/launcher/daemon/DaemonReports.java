package io.sentio.launcher.daemon;

import io.sentio.journal.JournalReader;
import io.sentio.launcher.report.DailyReport;
import io.sentio.launcher.report.DailyReportWriter;
import io.sentio.launcher.report.JournalDays;
import java.io.IOException;
import java.time.LocalDate;

/** A completed session's daily report, text and HTML, from its journal: what {@code sentio report} prints. */
public final class DaemonReports {
    private DaemonReports() {
    }

    public static void write(DaemonRoot dirs, LocalDate session) throws IOException {
        DailyReport day = null;
        try (JournalReader reader = JournalReader.open(dirs.journal(session))) {
            for (DailyReport r : JournalDays.read(reader)) {
                if (r.date.equals(session)) {
                    day = r;
                }
            }
        }
        if (day == null) {
            throw new IOException("journal " + dirs.journal(session) + " holds no record of the session " + session);
        }
        DailyReportWriter writer = new DailyReportWriter();
        writer.writeText(day, dirs.textReport(session));
        writer.writeHtml(day, dirs.htmlReport(session));
    }
}
