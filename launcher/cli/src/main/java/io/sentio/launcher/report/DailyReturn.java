package io.sentio.launcher.report;

import java.time.LocalDate;
import java.util.Objects;

/** Return of one session in percent (session-end equity over the previous session-end equity). */
public record DailyReturn(LocalDate date, double returnPct) {
    public DailyReturn {
        Objects.requireNonNull(date, "date");
    }
}
