package io.sentio.launcher.alpaca.trading;

import java.io.IOException;
import java.util.List;

/**
 * What the execution stage needs from a broker. Every call may block on the network and on the
 * client-side rate limit; none may be made from a latency-critical thread.
 */
public interface Broker {
    /**
     * Places a day market order. Idempotent by {@code clientOrderId}: if the order already exists (an
     * earlier attempt reached the broker but its answer was lost) the existing order is returned and no
     * second order is placed.
     */
    OrderReport submitMarketOrder(String symbol, long qty, OrderSide side, String clientOrderId)
        throws IOException, InterruptedException;

    /** The order with that client order id, or null if the broker has none. */
    OrderReport orderByClientOrderId(String clientOrderId) throws IOException, InterruptedException;

    Account account() throws IOException, InterruptedException;

    List<Position> positions() throws IOException, InterruptedException;

    MarketClock clock() throws IOException, InterruptedException;

    /** Cancels open orders and closes every position of the account; one result per symbol. */
    List<CloseResult> closeAll() throws IOException, InterruptedException;

    /**
     * Closes one position with a market order ({@code DELETE /v2/positions/{symbol}}); other positions
     * of the account are not touched. The result's status is the broker's HTTP status (404: none held).
     */
    CloseResult closePosition(String symbol) throws IOException, InterruptedException;

    /** Account figures in dollars, and the number that names the account (what a real-money run is confirmed with). */
    final class Account {
        public final String accountNumber;
        public final String status;
        public final double cash;
        public final double equity;
        public final double buyingPower;

        public Account(String accountNumber, String status, double cash, double equity, double buyingPower) {
            this.accountNumber = accountNumber;
            this.status = status;
            this.cash = cash;
            this.equity = equity;
            this.buyingPower = buyingPower;
        }
    }

    final class Position {
        public final String symbol;
        /** Signed whole shares (negative when short), truncated toward zero when {@link #exactQty} is fractional. */
        public final long qty;
        /** The quantity as the broker states it: fractional shares are possible at Alpaca. */
        public final double exactQty;
        public final double avgEntryPrice;
        public final double marketValue;

        public Position(String symbol, double exactQty, double avgEntryPrice, double marketValue) {
            this.symbol = symbol;
            this.qty = (long) exactQty;
            this.exactQty = exactQty;
            this.avgEntryPrice = avgEntryPrice;
            this.marketValue = marketValue;
        }

        /** True when the position holds a fraction of a share. */
        public boolean fractional() {
            return exactQty != (double) qty;
        }

        /** The quantity for reports: whole shares as an integer, a fractional one as the broker gave it. */
        public String qtyText() {
            return fractional() ? Double.toString(exactQty) : Long.toString(qty);
        }
    }

    final class MarketClock {
        public final long epochSecond;
        public final boolean isOpen;
        public final long nextOpenEpochSecond;
        public final long nextCloseEpochSecond;

        public MarketClock(long epochSecond, boolean isOpen, long nextOpenEpochSecond, long nextCloseEpochSecond) {
            this.epochSecond = epochSecond;
            this.isOpen = isOpen;
            this.nextOpenEpochSecond = nextOpenEpochSecond;
            this.nextCloseEpochSecond = nextCloseEpochSecond;
        }
    }

    /** One entry of the close-all answer: HTTP status per symbol and the closing order if any. */
    final class CloseResult {
        public final String symbol;
        public final int status;
        public final OrderReport order;

        public CloseResult(String symbol, int status, OrderReport order) {
            this.symbol = symbol;
            this.status = status;
            this.order = order;
        }
    }
}
