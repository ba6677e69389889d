package io.sentio.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentio.core.market.BarSet;
import io.sentio.core.time.SessionCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinuteAssemblerTest {
    private static final long DAY = LocalDate.of(2025, 4, 1).toEpochDay();
    private static final long OPEN = SessionCalendar.openEpochSecond(DAY);

    private final Recorder out = new Recorder();
    private final MinuteAssembler asm = new MinuteAssembler(3, DAY, 2_000);

    private static long minute(int m) {
        return OPEN + 60L * m;
    }

    private void bar(int s, int m) {
        asm.onBar(s, minute(m), 10 + m, 11 + m, 9 + m, 10.5 + m, 100, false, false, out);
    }

    @Test
    void shouldPublishAMinuteAsSoonAsEverySymbolArrived() {
        bar(0, 5);
        bar(2, 5);
        assertEquals(0, out.published.size());
        bar(1, 5);
        assertEquals(List.of("5:111:complete"), out.published);
    }

    @Test
    void shouldPublishAnIncompleteMinuteTwoSecondsAfterItClosedAndNotBefore() {
        bar(0, 5);
        bar(1, 5);
        asm.onClock(minute(6) * 1000 + 1_999, out);
        assertEquals(0, out.published.size());
        asm.onClock(minute(6) * 1000 + 2_000, out);
        assertEquals(List.of("5:110:timeout"), out.published);
    }

    @Test
    void shouldRecordALateBarAfterTheTimeoutWithoutRepublishing() {
        bar(0, 5);
        bar(1, 5);
        asm.onClock(minute(6) * 1000 + 2_500, out);
        bar(2, 5);
        asm.onBar(0, minute(5), 1, 1, 1, 1, 1, true, false, out);
        assertEquals(List.of("5:110:timeout"), out.published);
        assertEquals(List.of("2@" + minute(5), "0@" + minute(5) + "u"), out.late);
    }

    @Test
    void shouldCloseAMinuteWhenALaterMinuteStartsAndPublishTheEmptyMinutesBetween() {
        bar(0, 5);
        bar(0, 8);
        assertEquals(List.of("5:100:superseded", "6:000:superseded", "7:000:superseded"), out.published);
        bar(1, 8);
        bar(2, 8);
        assertEquals("8:111:complete", out.published.get(3));
    }

    @Test
    void shouldTimeOutEveryOverdueMinuteInOrderOnOneClock() {
        asm.onClock(minute(5) * 1000 + 10, out);
        asm.onClock(minute(8) * 1000 + 2_000, out);
        assertEquals(List.of("5:000:timeout", "6:000:timeout", "7:000:timeout"), out.published);
    }

    @Test
    void shouldHoldMinutesWhileTheFeedIsDownAndPublishThemFlaggedWhenBackfilled() {
        bar(0, 5);
        bar(1, 5);
        bar(2, 5);
        asm.feedDown();
        asm.onClock(minute(12) * 1000, out);
        assertEquals(1, out.published.size());
        for (int m = 6; m <= 8; m++) {
            for (int s = 0; s < 3; s++) {
                asm.onBar(s, minute(m), 1, 1, 1, 1, 1, false, true, out);
            }
        }
        asm.feedUp();
        bar(0, 9);
        assertEquals(List.of("5:111:complete", "6:111:complete:backfilled", "7:111:complete:backfilled",
            "8:111:complete:backfilled"), out.published);
        asm.onClock(minute(12) * 1000, out);
        assertEquals("9:100:timeout", out.published.get(4));
    }

    @Test
    void shouldApplyACorrectionToThePendingMinuteButIgnoreADuplicateBar() {
        bar(0, 5);
        asm.onBar(0, minute(5), 1, 2, 0.5, 1.5, 7, false, false, out);
        asm.onBar(1, minute(5), 1, 2, 0.5, 1.5, 7, false, false, out);
        asm.onBar(1, minute(5), 1, 2, 0.5, 1.75, 8, true, false, out);
        bar(2, 5);
        assertEquals(15.5, out.lastClose[0]);
        assertEquals(1.75, out.lastClose[1]);
    }

    @Test
    void shouldStartAtTheMinuteHoldingTheFirstClockAndStopAfterTheCloseMinute() {
        int close = SessionCalendar.closeMinute(DAY);
        asm.onClock(minute(close) * 1000 + 30_000, out);
        bar(0, close - 1);
        asm.onClock(minute(close + 1) * 1000 + 2_000, out);
        assertEquals(List.of(close + ":000:timeout"), out.published);
        assertEquals(List.of("0@" + minute(close - 1)), out.late);
        assertTrue(asm.done());
        bar(0, close);
        assertEquals(1, out.published.size());
    }

    @Test
    void shouldResumeAfterTheLastJournaledMinuteAndWaitForItsBackfillWhileTheFeedIsDown() {
        asm.resumeAfter(minute(20));
        asm.feedDown();
        asm.onClock(minute(30) * 1000, out);
        bar(0, 20);
        assertEquals(List.of(), out.published, "nothing before the backfill, nothing journaled already");
        for (int s = 0; s < 3; s++) {
            asm.onBar(s, minute(21), 1, 1, 1, 1, 1, false, true, out);
        }
        asm.feedUp();
        bar(0, 23);
        assertEquals(List.of("21:111:complete:backfilled", "22:000:superseded"), out.published);
        assertEquals(List.of("0@" + minute(20)), out.late);
    }

    @Test
    void shouldBeDoneWhenResumingAfterTheCloseMinute() {
        asm.resumeAfter(minute(SessionCalendar.closeMinute(DAY)));
        assertTrue(asm.done());
    }

    @Test
    void shouldHoldAMinuteWithoutAnyBarUntilTheEmptyMinuteHoldWhileAMinuteWithOneBarTimesOutAtTwoSeconds() {
        MinuteAssembler holding = new MinuteAssembler(3, DAY, 2_000, 120_000);
        holding.onBar(0, minute(5), 1, 1, 1, 1, 1, false, false, out);
        holding.onClock(minute(6) * 1000 + 2_000, out);
        assertEquals(List.of("5:100:timeout"), out.published, "one bar is enough to time out as usual");
        holding.onClock(minute(7) * 1000 + 119_999, out);
        assertEquals(1, out.published.size(), "minute 6 has no bar: held");
        holding.onClock(minute(7) * 1000 + 120_000, out);
        assertEquals(List.of("5:100:timeout", "6:000:timeout"), out.published);
    }

    @Test
    void shouldLetABarOfALaterMinuteCloseAHeldEmptyMinute() {
        MinuteAssembler holding = new MinuteAssembler(3, DAY, 2_000, 120_000);
        holding.onClock(minute(5) * 1000 + 30_000, out);
        holding.onClock(minute(6) * 1000 + 2_000, out);
        assertEquals(List.of(), out.published, "minute 5 has no bar: held");
        holding.onBar(1, minute(6), 1, 1, 1, 1, 1, false, false, out);
        assertEquals(List.of("5:000:superseded"), out.published, "a quiet minute, the feed alive: no longer held");
    }

    @Test
    void shouldRecoverTheRealBarsOfTheMinuteASilentSocketSwallowed() {
        MinuteAssembler holding = new MinuteAssembler(3, DAY, 2_000, 120_000);
        for (int s = 0; s < 3; s++) {
            holding.onBar(s, minute(5), 1, 1, 1, 1, 1, false, false, out);
        }
        // minute 6 never comes; the watchdog declares the socket dead 90 s after the last message
        holding.onClock(minute(7) * 1000 + 30_000, out);
        holding.feedDown();
        holding.onClock(minute(12) * 1000, out);
        for (int m = 6; m <= 8; m++) {
            for (int s = 0; s < 3; s++) {
                holding.onBar(s, minute(m), 2, 2, 2, 2, 2, false, true, out);
            }
        }
        holding.feedUp();
        assertEquals(List.of("5:111:complete", "6:111:complete:backfilled", "7:111:complete:backfilled",
            "8:111:complete:backfilled"), out.published, "the silent minute is published with its real bars");
        assertEquals(List.of(), out.late);
    }

    @Test
    void shouldRefuseAnEmptyMinuteHoldShorterThanTheTimeout() {
        assertThrows(IllegalArgumentException.class, () -> new MinuteAssembler(3, DAY, 2_000, 1_999));
    }

    @Test
    void shouldReportBarsOffTheSessionGridAsLate() {
        asm.onBar(0, OPEN - 60, 1, 1, 1, 1, 1, false, false, out);
        asm.onBar(0, OPEN + 30, 1, 1, 1, 1, 1, false, false, out);
        assertEquals(2, out.late.size());
        assertFalse(asm.done());
    }

    /** Publications as "minute:presence:trigger[:backfilled]". */
    private static final class Recorder implements MinuteAssembler.Output {
        final List<String> published = new ArrayList<>();
        final List<String> late = new ArrayList<>();
        final double[] lastClose = new double[3];

        @Override
        public void publish(BarSet set, boolean backfilled, int trigger) {
            StringBuilder b = new StringBuilder().append(set.sessionMinute).append(':');
            for (boolean p : set.present) {
                b.append(p ? '1' : '0');
            }
            b.append(':').append(trigger == MinuteAssembler.COMPLETE ? "complete"
                : trigger == MinuteAssembler.TIMEOUT ? "timeout" : "superseded");
            if (backfilled) {
                b.append(":backfilled");
            }
            published.add(b.toString());
            System.arraycopy(set.close, 0, lastClose, 0, 3);
        }

        @Override
        public void late(int symbol, long epochSecond, boolean correction) {
            late.add(symbol + "@" + epochSecond + (correction ? "u" : ""));
        }
    }
}
