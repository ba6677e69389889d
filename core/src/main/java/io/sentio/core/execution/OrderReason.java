package io.sentio.core.execution;

/** Why an order was decided; int codes so order batches stay primitive. */
public final class OrderReason {
    public static final int ENTRY = 1;
    /**
     * Held past min_hold_bars and p fell below exit_threshold (expected_return: the expected return
     * fell below exit_cost_multiple round trips), or held max_hold_bars.
     */
    public static final int EXIT_SIGNAL = 2;
    /** Out of the top max_positions and beaten by a candidate past rotation_threshold. */
    public static final int EXIT_ROTATION = 3;
    /** At or after the session's flatten minute. */
    public static final int EXIT_EOD = 4;
    /** Circuit breaker tripped this session. */
    public static final int EXIT_CIRCUIT_BREAKER = 5;

    private OrderReason() {
    }

    public static boolean isExit(int reason) {
        return reason >= EXIT_SIGNAL;
    }

    public static String name(int reason) {
        switch (reason) {
            case ENTRY:
                return "entry";
            case EXIT_SIGNAL:
                return "exit-signal";
            case EXIT_ROTATION:
                return "exit-rotation";
            case EXIT_EOD:
                return "exit-eod";
            case EXIT_CIRCUIT_BREAKER:
                return "exit-circuit-breaker";
            default:
                throw new IllegalArgumentException("unknown order reason " + reason);
        }
    }
}
