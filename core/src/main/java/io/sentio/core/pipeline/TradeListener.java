package io.sentio.core.pipeline;

/**
 * Callbacks from the execution stage, after a bar set's orders have been sent: for printing and
 * recording, never for decisions. Runs on the execution thread; a slow listener backs up the ring
 * (which is what pacing wants and a backtest does not: backtests run without one).
 */
public interface TradeListener {
    /** Fills and cancellations of working orders at this bar's open ({@code ev.fills}). */
    default void onFills(PipelineEvent ev) {
    }

    /** Orders decided at this bar's close ({@code ev.orders}). */
    default void onOrders(PipelineEvent ev) {
    }

    /**
     * The session's close-minute bar set was processed; {@code ev.sessionReturn} is the day's
     * return. Not called for a session whose close-minute set was skipped or failed (the
     * result's daily returns still hold that session).
     */
    default void onSessionEnd(PipelineEvent ev) {
    }

    /** Every bar set that went through the portfolio stage, after the callbacks above ({@code ev.equity} is its mark). */
    default void onBarSet(PipelineEvent ev) {
    }

    /** A live venue's execution report went through the portfolio stage ({@code ev.report}). */
    default void onReport(PipelineEvent ev) {
    }
}
