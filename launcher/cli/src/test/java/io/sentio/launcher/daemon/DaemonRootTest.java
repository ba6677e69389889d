package io.sentio.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonRootTest {
    @Test
    void shouldKeepTheNewestSessionsAndLeaveTheOperatorsOwnDirectoriesAlone(@TempDir Path dir) throws Exception {
        DaemonRoot root = new DaemonRoot(dir);
        List<LocalDate> days = List.of(LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 11));
        for (LocalDate d : days) {
            Files.createDirectories(root.journal(d));
            Files.writeString(root.journal(d).resolve("20250610.cq4"), "x");
            Files.writeString(root.textReport(d), "report " + d);
        }
        Files.createDirectories(dir.resolve("notes"));
        Files.createDirectories(dir.resolve("2025-13-99"));
        Files.createDirectories(root.history());
        assertEquals(days, root.sessions());

        assertEquals(List.of(days.get(0)), root.retain(2));
        assertEquals(days.subList(1, 3), root.sessions());
        assertFalse(Files.exists(root.day(days.get(0))));
        assertTrue(Files.isDirectory(dir.resolve("notes")) && Files.isDirectory(dir.resolve("2025-13-99"))
            && Files.isDirectory(root.history()), "not session directories: kept");
        assertEquals(List.of(), root.retain(2), "nothing more to remove");
    }

    @Test
    void shouldHandOnTheDaysStateWholeAndCallADayWithoutAJournalIncomplete(@TempDir Path dir) throws Exception {
        DaemonRoot root = new DaemonRoot(dir);
        LocalDate day = LocalDate.of(2025, 6, 10);
        Files.write(root.state(), new byte[] {1, 2, 3});
        Files.createDirectories(root.day(day));
        Files.write(root.dayState(day), new byte[] {4, 5, 6, 7});
        root.promote(day);
        assertArrayEquals(new byte[] {4, 5, 6, 7}, Files.readAllBytes(root.state()));
        assertFalse(Files.exists(dir.resolve(DaemonRoot.STATE + ".tmp")), "no temporary file left");
        assertFalse(root.completed(day), "no journal: not complete");
    }

    @Test
    void shouldWriteSessionHoursAsAlpacasCalendarDoes() {
        assertEquals("09:30-16:00", BrokerCalendar.hours(LocalDate.of(2025, 7, 2)));
        assertEquals("09:30-13:00", BrokerCalendar.hours(LocalDate.of(2025, 7, 3)));
        assertEquals(BrokerCalendar.openOf(LocalDate.of(2025, 7, 3)) + 210 * 60,
            BrokerCalendar.closeOf(LocalDate.of(2025, 7, 3)));
    }
}
