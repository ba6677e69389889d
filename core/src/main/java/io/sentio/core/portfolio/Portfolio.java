package io.sentio.core.portfolio;

import io.sentio.core.state.StateCodec;
import io.sentio.core.state.Stateful;
import java.util.Arrays;

/**
 * Cash, long positions, marks and P&L of one account. Owned by the portfolio stage only. Prices
 * of fills already include slippage; commissions are paid from cash when they occur.
 */
public final class Portfolio implements Stateful {
    private final double initialCapital;
    private final long[] shares;
    private final double[] lastPrice;
    private final double[] costBasis;
    private final double[] tripPnl;
    private final long[] tripEntryTime;
    private final long[] tripBought;
    private final double[] tripBuyNotional;
    private final long[] tripSold;
    private final double[] tripSellNotional;
    private final double[] realizedBySymbol;
    private final RoundTripLog roundTrips;
    private double cash;
    private double realized;
    private double commissions;
    private double tradedNotional;
    private long fills;

    public Portfolio(int symbols, double initialCapital, int expectedRoundTrips) {
        if (!(initialCapital > 0)) {
            throw new IllegalArgumentException("initial capital must be positive");
        }
        this.initialCapital = initialCapital;
        this.cash = initialCapital;
        shares = new long[symbols];
        lastPrice = new double[symbols];
        Arrays.fill(lastPrice, Double.NaN);
        costBasis = new double[symbols];
        tripPnl = new double[symbols];
        tripEntryTime = new long[symbols];
        tripBought = new long[symbols];
        tripBuyNotional = new double[symbols];
        tripSold = new long[symbols];
        tripSellNotional = new double[symbols];
        realizedBySymbol = new double[symbols];
        roundTrips = new RoundTripLog(expectedRoundTrips);
    }

    /**
     * Applies one fill. Long-only: a sell may not exceed the position. A round trip closes when
     * the position returns to zero.
     */
    public void applyFill(int symbol, long quantity, double price, double commission, long epochSecond) {
        if (quantity == 0 || !(price > 0) || !(commission >= 0)) {
            throw new IllegalArgumentException("bad fill: symbol " + symbol + " qty " + quantity + " price " + price);
        }
        long held = shares[symbol];
        if (held + quantity < 0) {
            throw new IllegalStateException("sell of " + (-quantity) + " exceeds position " + held + " of symbol " + symbol);
        }
        double notional = Math.abs(quantity) * price;
        tradedNotional += notional;
        fills++;
        commissions += commission;
        cash -= quantity * price + commission;
        tripPnl[symbol] -= commission;
        if (held == 0) {
            tripEntryTime[symbol] = epochSecond;
        }
        if (quantity > 0) {
            costBasis[symbol] += notional;
            tripBought[symbol] += quantity;
            tripBuyNotional[symbol] += notional;
        } else {
            long sold = -quantity;
            double basis = costBasis[symbol] * sold / held;
            double gain = notional - basis;
            costBasis[symbol] -= basis;
            realized += gain - commission;
            realizedBySymbol[symbol] += gain - commission;
            tripPnl[symbol] += gain;
            tripSold[symbol] += sold;
            tripSellNotional[symbol] += notional;
        }
        if (quantity > 0) {
            realized -= commission;
            realizedBySymbol[symbol] -= commission;
        }
        shares[symbol] = held + quantity;
        lastPrice[symbol] = price;
        if (shares[symbol] == 0) {
            closeTrip(symbol, epochSecond);
        }
    }

    private void closeTrip(int symbol, long exitTime) {
        roundTrips.add(symbol, tripBought[symbol], tripEntryTime[symbol], exitTime,
            tripBuyNotional[symbol] / tripBought[symbol], tripSellNotional[symbol] / tripSold[symbol], tripPnl[symbol]);
        costBasis[symbol] = 0;
        tripPnl[symbol] = 0;
        tripBought[symbol] = 0;
        tripBuyNotional[symbol] = 0;
        tripSold[symbol] = 0;
        tripSellNotional[symbol] = 0;
    }

    /** Marks every symbol with a finite price in {@code close}; returns the equity. */
    public double mark(double[] close) {
        for (int s = 0; s < shares.length; s++) {
            double c = close[s];
            if (c == c) {
                lastPrice[s] = c;
            }
        }
        return equity();
    }

    public double equity() {
        double e = cash;
        for (int s = 0; s < shares.length; s++) {
            if (shares[s] != 0) {
                e += shares[s] * lastPrice[s];
            }
        }
        return e;
    }

    public double grossExposure() {
        double g = 0;
        for (int s = 0; s < shares.length; s++) {
            if (shares[s] != 0) {
                g += Math.abs(shares[s] * lastPrice[s]);
            }
        }
        return g;
    }

    public double unrealized() {
        double u = 0;
        for (int s = 0; s < shares.length; s++) {
            if (shares[s] != 0) {
                u += shares[s] * lastPrice[s] - costBasis[s];
            }
        }
        return u;
    }

    /** Realized P&L plus the unrealized P&L of the open position, net of commissions. */
    public double contribution(int symbol) {
        double open = shares[symbol] == 0 ? 0 : shares[symbol] * lastPrice[symbol] - costBasis[symbol];
        return realizedBySymbol[symbol] + open;
    }

    public long shares(int symbol) {
        return shares[symbol];
    }

    public boolean holds(int symbol) {
        return shares[symbol] != 0;
    }

    public int positionCount() {
        int n = 0;
        for (long q : shares) {
            if (q != 0) {
                n++;
            }
        }
        return n;
    }

    /** Bit i set when symbol i is held (universes of up to 64 symbols). */
    public long holdingsMask() {
        long m = 0;
        for (int s = 0; s < shares.length && s < 64; s++) {
            if (shares[s] != 0) {
                m |= 1L << s;
            }
        }
        return m;
    }

    public double lastPrice(int symbol) {
        return lastPrice[symbol];
    }

    public double cash() {
        return cash;
    }

    public double initialCapital() {
        return initialCapital;
    }

    /** Realized P&L net of all commissions paid so far. */
    public double realized() {
        return realized;
    }

    public double commissions() {
        return commissions;
    }

    public double tradedNotional() {
        return tradedNotional;
    }

    public long fills() {
        return fills;
    }

    public RoundTripLog roundTrips() {
        return roundTrips;
    }

    public int symbols() {
        return shares.length;
    }

    /** The account (the round-trip log is a result, not state: it never feeds a decision). */
    @Override
    public void visit(StateCodec c) {
        cash = c.d(cash);
        realized = c.d(realized);
        commissions = c.d(commissions);
        tradedNotional = c.d(tradedNotional);
        fills = c.l(fills);
        c.longs(shares);
        c.doubles(lastPrice);
        c.doubles(costBasis);
        c.doubles(tripPnl);
        c.longs(tripEntryTime);
        c.longs(tripBought);
        c.doubles(tripBuyNotional);
        c.longs(tripSold);
        c.doubles(tripSellNotional);
        c.doubles(realizedBySymbol);
    }
}
