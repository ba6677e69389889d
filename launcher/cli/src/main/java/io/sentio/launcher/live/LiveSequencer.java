package io.sentio.launcher.live;

import io.sentio.core.live.MinuteAssembler;
import io.sentio.core.market.BarSet;
import io.sentio.core.pipeline.Pipeline;
import java.io.PrintStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The live ring's single publisher: takes the network threads' inputs in arrival order, runs them
 * through the {@link MinuteAssembler} and publishes bar sets, CLOCK events and execution reports
 * into the pipeline. Every CLOCK the assembler sees also enters the ring, so a journal of the ring
 * holds the timeouts' inputs. Runs until the session's close minute is published or a stop arrives.
 */
final class LiveSequencer implements MinuteAssembler.Output {
    private final BlockingQueue<LiveInput> inputs;
    private final Pipeline pipeline;
    private final MinuteAssembler assembler;
    private final String[] symbols;
    private final PrintStream err;
    private final SessionObserver observer;
    /** Per session minute: when its bar set was published (nanoTime), for bar-to-order latency. */
    private final AtomicLongArray publishedNanos;
    private final long[] triggers = new long[4];
    private long lastArrivalNanos;
    private long lateBars;
    private long backfilledSets;
    private LiveInput.Stop stop;

    /** {@code inputs} may already hold what arrived while the pipeline was being built. */
    LiveSequencer(BlockingQueue<LiveInput> inputs, Pipeline pipeline, MinuteAssembler assembler, String[] symbols,
                  PrintStream err, SessionObserver observer) {
        this.inputs = inputs;
        this.observer = observer;
        this.pipeline = pipeline;
        this.assembler = assembler;
        this.symbols = symbols;
        this.err = err;
        this.publishedNanos = new AtomicLongArray(512);
    }

    /** Runs on the calling thread until the session is over or stopped; returns the stop, or null at the close. */
    LiveInput.Stop run() throws InterruptedException {
        while (!assembler.done()) {
            LiveInput in = inputs.take();
            if (in instanceof LiveInput.Bar b) {
                lastArrivalNanos = b.arrivalNanos();
                assembler.onBar(b.symbol(), b.epochSecond(), b.open(), b.high(), b.low(), b.close(), b.volume(),
                    b.correction(), b.backfilled(), this);
            } else if (in instanceof LiveInput.Clock c) {
                pipeline.publishClock(c.epochMillis());
                lastArrivalNanos = c.arrivalNanos();
                assembler.onClock(c.epochMillis(), this);
            } else if (in instanceof LiveInput.Report r) {
                pipeline.publishReport(r.report());
            } else if (in instanceof LiveInput.Feed f) {
                if (f.live()) {
                    assembler.feedUp();
                } else {
                    assembler.feedDown();
                }
            } else if (in instanceof LiveInput.Stop s) {
                stop = s;
                return stop;
            }
        }
        return null;
    }

    /** Publishes the reports still queued after the last bar set (fills of the last orders). */
    void drainReports() {
        for (LiveInput in; (in = inputs.poll()) != null; ) {
            if (in instanceof LiveInput.Report r) {
                pipeline.publishReport(r.report());
            }
        }
    }

    @Override
    public void publish(BarSet set, boolean backfilled, int trigger) {
        // Stamped with the arrival of the input that completed the minute: latency counts from the wire.
        long stamp = trigger == MinuteAssembler.COMPLETE || trigger == MinuteAssembler.SUPERSEDED
            ? lastArrivalNanos : System.nanoTime();
        pipeline.publish(set, stamp, backfilled);
        if (set.sessionMinute < publishedNanos.length()) {
            publishedNanos.set(set.sessionMinute, stamp);
        }
        triggers[trigger]++;
        if (backfilled) {
            backfilledSets++;
        }
        observer.barSetPublished(trigger, backfilled);
    }

    @Override
    public void late(int symbol, long epochSecond, boolean correction) {
        lateBars++;
        observer.lateBar();
        err.println("sentio live: late " + (correction ? "correction" : "bar") + " " + symbols[symbol] + " "
            + java.time.Instant.ofEpochSecond(epochSecond) + " ignored: its minute is already published (counted in the end line)");
    }

    long publishedNanos(int sessionMinute) {
        return sessionMinute >= 0 && sessionMinute < publishedNanos.length() ? publishedNanos.get(sessionMinute) : 0;
    }

    String summary() {
        return "minutes complete " + triggers[MinuteAssembler.COMPLETE] + ", timed out " + triggers[MinuteAssembler.TIMEOUT]
            + ", closed by a later minute " + triggers[MinuteAssembler.SUPERSEDED] + ", backfilled " + backfilledSets
            + ", late bars " + lateBars;
    }

    long backfilledSets() {
        return backfilledSets;
    }

    long publishedSets() {
        return triggers[1] + triggers[2] + triggers[3];
    }
}
