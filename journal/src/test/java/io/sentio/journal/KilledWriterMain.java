package io.sentio.journal;

import io.sentio.journal.codec.JournalFormat;
import io.sentio.journal.codec.RecordKind;
import java.nio.file.Path;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Child process of {@link KilledWriterTest}: appends to a journal and waits to be killed with
 * SIGKILL. {@code mid-record N}: N complete bar sets, then half of one more inside an open
 * document, then "READY" on stdout. {@code loop}: bar sets until killed, "READY" once
 * {@link #LOOP_READY_AFTER} are written, so the kill lands while it is still appending.
 */
public final class KilledWriterMain {
    static final int LOOP_READY_AFTER = 1000;

    private KilledWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (Journal journal = JournalTestSupport.open(dir)) {
            JournalWriter w = journal.createWriter();
            if ("loop".equals(args[1])) {
                for (int k = 0; ; k++) {
                    JournalTestSupport.appendBarSet(w, JournalTestSupport.MINUTE + 60L * k, k);
                    if (k == LOOP_READY_AFTER - 1) {
                        ready();
                    }
                }
            }
            int complete = Integer.parseInt(args[2]);
            for (int k = 0; k < complete; k++) {
                JournalTestSupport.appendBarSet(w, JournalTestSupport.MINUTE + 60L * k, k);
            }
            try (SingleChronicleQueue raw = Journal.builder(dir).build();
                 ExcerptAppender appender = raw.createAppender()) {
                DocumentContext unfinished = appender.writingDocument();
                var bytes = unfinished.wire().bytes();
                bytes.writeByte(RecordKind.BAR_SET.code());
                bytes.writeByte(JournalFormat.VERSION);
                bytes.writeShort((short) 0);
                bytes.writeInt(JournalFormat.barSetLength(JournalTestSupport.N));
                bytes.writeLong(complete);
                ready();
                Thread.sleep(Long.MAX_VALUE);
            }
        }
    }

    private static void ready() {
        System.out.println("READY");
        System.out.flush();
    }
}
