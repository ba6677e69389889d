package io.sentio.launcher.live;

import io.sentio.core.pipeline.PipelineEvent;
import io.sentio.core.pipeline.TradeListener;
import java.util.ArrayList;
import java.util.List;

/** Several trade listeners as one, called in order. */
final class Listeners implements TradeListener {
    private final TradeListener[] all;

    Listeners(TradeListener... listeners) {
        List<TradeListener> l = new ArrayList<>();
        for (TradeListener t : listeners) {
            if (t != null) {
                l.add(t);
            }
        }
        all = l.toArray(new TradeListener[0]);
    }

    @Override
    public void onFills(PipelineEvent ev) {
        for (TradeListener l : all) {
            l.onFills(ev);
        }
    }

    @Override
    public void onOrders(PipelineEvent ev) {
        for (TradeListener l : all) {
            l.onOrders(ev);
        }
    }

    @Override
    public void onSessionEnd(PipelineEvent ev) {
        for (TradeListener l : all) {
            l.onSessionEnd(ev);
        }
    }

    @Override
    public void onBarSet(PipelineEvent ev) {
        for (TradeListener l : all) {
            l.onBarSet(ev);
        }
    }

    @Override
    public void onReport(PipelineEvent ev) {
        for (TradeListener l : all) {
            l.onReport(ev);
        }
    }
}
