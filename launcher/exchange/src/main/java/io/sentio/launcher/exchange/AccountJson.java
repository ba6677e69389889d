package io.sentio.launcher.exchange;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Alpaca's account and position objects as the stand-in's cash account renders them. */
final class AccountJson {
    private AccountJson() {
    }

    static String account(double cash, double buyingPower, double longValue, double initialCash) {
        return WireJson.object()
            .put("id", SimOrder.assetId("account"))
            .put("account_number", "PA0STANDIN")
            .put("status", "ACTIVE")
            .put("crypto_status", "INACTIVE")
            .put("currency", "USD")
            .put("buying_power", WireJson.decimal(round2(buyingPower)))
            .put("regt_buying_power", WireJson.decimal(round2(buyingPower)))
            .put("daytrading_buying_power", "0")
            .put("non_marginable_buying_power", WireJson.decimal(round2(buyingPower)))
            .put("cash", WireJson.decimal(round2(cash)))
            .put("portfolio_value", WireJson.decimal(round2(cash + longValue)))
            .put("equity", WireJson.decimal(round2(cash + longValue)))
            .put("last_equity", WireJson.decimal(initialCash))
            .put("long_market_value", WireJson.decimal(round2(longValue)))
            .put("short_market_value", "0")
            .put("initial_margin", "0")
            .put("maintenance_margin", "0")
            .put("multiplier", "1")
            .put("pattern_day_trader", false)
            .put("trading_blocked", false)
            .put("transfers_blocked", false)
            .put("account_blocked", false)
            .put("shorting_enabled", false)
            .put("trade_suspended_by_user", false)
            .put("daytrade_count", 0)
            .put("created_at", SimOrder.time(0))
            .toString();
    }

    /** A long position of {@code qty} shares ({@code available} not held for open sells) marked at {@code price}. */
    static ObjectNode position(String symbol, long qty, long available, double costBasis, double price) {
        double value = qty * price;
        return WireJson.object()
            .put("asset_id", SimOrder.assetId(symbol))
            .put("symbol", symbol)
            .put("exchange", "ARCA")
            .put("asset_class", "us_equity")
            .put("asset_marginable", false)
            .put("qty", Long.toString(qty))
            .put("qty_available", Long.toString(available))
            .put("avg_entry_price", WireJson.decimal(costBasis / qty))
            .put("side", "long")
            .put("market_value", WireJson.decimal(round2(value)))
            .put("cost_basis", WireJson.decimal(round2(costBasis)))
            .put("unrealized_pl", WireJson.decimal(round2(value - costBasis)))
            .put("unrealized_plpc", WireJson.decimal((value - costBasis) / costBasis))
            .put("unrealized_intraday_pl", WireJson.decimal(round2(value - costBasis)))
            .put("unrealized_intraday_plpc", WireJson.decimal((value - costBasis) / costBasis))
            .put("current_price", WireJson.decimal(price))
            .put("lastday_price", WireJson.decimal(price))
            .put("change_today", "0");
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
