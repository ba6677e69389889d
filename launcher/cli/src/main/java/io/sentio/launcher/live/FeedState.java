package io.sentio.launcher.live;

import io.sentio.launcher.ExitCodes;
import io.sentio.launcher.alpaca.stream.StreamStatusListener;
import java.io.PrintStream;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The market-data connection as the assembler must know it: down from a loss until the first
 * live bar after the reconnect (the backfill is delivered before that bar).
 */
final class FeedState implements StreamStatusListener {
    private final BlockingDeque<LiveInput> inputs;
    private final PrintStream err;
    private final SessionObserver observer;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private volatile boolean down;

    FeedState(BlockingDeque<LiveInput> inputs, PrintStream err, SessionObserver observer) {
        this.inputs = inputs;
        this.err = err;
        this.observer = observer;
    }

    /**
     * A restart: the minutes since the journal's last come from the first subscription's backfill,
     * so the assembler holds its timeouts, as after a reconnect, until the first live bar.
     */
    void startDown() {
        down = true;
        inputs.addFirst(new LiveInput.Feed(false));
    }

    boolean awaitSubscribed(long timeout, TimeUnit unit) throws InterruptedException {
        return subscribed.await(timeout, unit);
    }

    void onBar(int sym, long t, double o, double h, double l, double c, double v, boolean correction,
               boolean backfilled) {
        if (!backfilled && down) {
            down = false;
            inputs.add(new LiveInput.Feed(true));
        }
        inputs.add(new LiveInput.Bar(sym, t, o, h, l, c, v, correction, backfilled));
    }

    @Override
    public void onSubscribed(int connection) {
        subscribed.countDown();
        observer.marketData(true, connection);
    }

    @Override
    public void onDisconnected(String reason, int attempt, long retryInMillis) {
        observer.marketData(false, attempt);
        if (!down) {
            down = true;
            inputs.add(new LiveInput.Feed(false));
        }
        err.println("sentio live: market data lost (" + reason + "); reconnect " + attempt + " in "
            + retryInMillis + " ms");
    }

    @Override
    public void onBackfill(long from, long to, int bars) {
        err.println("sentio live: backfilled " + bars + " bars of " + java.time.Instant.ofEpochSecond(from)
            + ".." + java.time.Instant.ofEpochSecond(to));
    }

    @Override
    public void onBackfillFailed(long from, long to, String reason) {
        err.println("sentio live: backfill of " + java.time.Instant.ofEpochSecond(from) + ".."
            + java.time.Instant.ofEpochSecond(to) + " failed (" + reason + "): those minutes are missing");
        if (down) {
            down = false;
            inputs.add(new LiveInput.Feed(true));
        }
    }

    @Override
    public void onFinalFailure(int code, String reason) {
        inputs.add(new LiveInput.Stop(ExitCodes.VENUE_FAILURE, "market data gone: " + reason
            + "; trading stopped and positions flattened", true));
    }
}
