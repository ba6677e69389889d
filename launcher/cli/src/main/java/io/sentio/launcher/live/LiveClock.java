package io.sentio.launcher.live;

import io.sentio.launcher.alpaca.AlpacaClock;
import java.io.IOException;

/**
 * The market's clock as the live daemon reads it: the wall clock against Alpaca, the local
 * exchange's accelerated replay clock ({@link MarketTime}), or a test's.
 */
public interface LiveClock extends AlpacaClock {
    /** Market minutes per real minute; 0 for the wall clock. */
    double speed();

    /** Reads the venue's clock again and runs on from it; nothing to do for the wall clock. */
    void anchor() throws IOException, InterruptedException;
}
