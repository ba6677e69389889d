package io.sentio.launcher.alpaca.exchange;

/** Alpaca's account and position objects as the stand-in's cash account renders them. */
final class AccountJson {
    private AccountJson() {
    }

    static String account(double cash, double buyingPower, double longValue, double initialCash) {
        return new JsonWriter().beginObject()
            .field("id", SimOrder.assetId("account"))
            .field("account_number", "PA0STANDIN")
            .field("status", "ACTIVE")
            .field("crypto_status", "INACTIVE")
            .field("currency", "USD")
            .name("buying_power").numberString(round2(buyingPower))
            .name("regt_buying_power").numberString(round2(buyingPower))
            .name("daytrading_buying_power").numberString(0)
            .name("non_marginable_buying_power").numberString(round2(buyingPower))
            .name("cash").numberString(round2(cash))
            .name("portfolio_value").numberString(round2(cash + longValue))
            .name("equity").numberString(round2(cash + longValue))
            .name("last_equity").numberString(initialCash)
            .name("long_market_value").numberString(round2(longValue))
            .name("short_market_value").numberString(0)
            .name("initial_margin").numberString(0)
            .name("maintenance_margin").numberString(0)
            .field("multiplier", "1")
            .name("pattern_day_trader").bool(false)
            .name("trading_blocked").bool(false)
            .name("transfers_blocked").bool(false)
            .name("account_blocked").bool(false)
            .name("shorting_enabled").bool(false)
            .name("trade_suspended_by_user").bool(false)
            .name("daytrade_count").number(0)
            .field("created_at", SimOrder.time(0))
            .endObject().toString();
    }

    /** A long position of {@code qty} shares ({@code available} not held for open sells) marked at {@code price}. */
    static void position(JsonWriter w, String symbol, long qty, long available, double costBasis, double price) {
        double value = qty * price;
        w.beginObject()
            .field("asset_id", SimOrder.assetId(symbol))
            .field("symbol", symbol)
            .field("exchange", "ARCA")
            .field("asset_class", "us_equity")
            .name("asset_marginable").bool(false)
            .field("qty", Long.toString(qty))
            .field("qty_available", Long.toString(available))
            .name("avg_entry_price").numberString(costBasis / qty)
            .field("side", "long")
            .name("market_value").numberString(round2(value))
            .name("cost_basis").numberString(round2(costBasis))
            .name("unrealized_pl").numberString(round2(value - costBasis))
            .name("unrealized_plpc").numberString((value - costBasis) / costBasis)
            .name("unrealized_intraday_pl").numberString(round2(value - costBasis))
            .name("unrealized_intraday_plpc").numberString((value - costBasis) / costBasis)
            .name("current_price").numberString(price)
            .name("lastday_price").numberString(price)
            .name("change_today").numberString(0)
            .endObject();
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
