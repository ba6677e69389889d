package io.sentio.launcher.alpaca.trading;

public enum OrderSide {
    BUY("buy"), SELL("sell");

    private final String wire;

    OrderSide(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static OrderSide fromWire(String s) {
        return "sell".equals(s) ? SELL : BUY;
    }
}
