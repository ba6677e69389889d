// Drives a running `sentio exchange` with Alpaca's official Node SDK (@alpacahq/alpaca-trade-api),
// the way any Alpaca client would: REST trading and market data, the msgpack market-data stream
// and the trade_updates stream. The stand-in claims Alpaca's wire format; this is a client we did
// not write holding it to that claim.
//
// Every response is also checked against the SDK's own model declarations (src/*/models/*.ts in
// the installed package): its mappers copy fields without validating them, so a wrongly typed or
// missing field would otherwise pass unnoticed here and break a stricter client.
//
// Input: APCA_API_BASE_URL, APCA_API_DATA_URL, APCA_API_STREAM_URL, APCA_API_KEY_ID,
// APCA_API_SECRET_KEY, INTEROP_DATE (the session the stand-in replays), INTEROP_HISTORY_DATE (an
// earlier session, whole in the history API), INTEROP_SYMBOLS (comma-separated), INTEROP_RTH_BARS
// (JSON {symbol: that session's bar count}, counted in the CSVs).
// Output: one line per check; exit 0 only if every check passed.
import { Alpaca, trading, marketData, TimeFrame } from "@alpacahq/alpaca-trade-api";
import { ModelChecker } from "./model-checker.mjs";

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`interop: ${name} is not set`);
    process.exit(2);
  }
  return value;
};
const tradingUrl = env("APCA_API_BASE_URL").replace(/\/$/, "");
const dataUrl = env("APCA_API_DATA_URL").replace(/\/$/, "");
const streamUrl = env("APCA_API_STREAM_URL");
const date = env("INTEROP_DATE");
const historyDate = env("INTEROP_HISTORY_DATE");
const symbols = env("INTEROP_SYMBOLS").split(",");
const rthBars = JSON.parse(env("INTEROP_RTH_BARS"));

// The SDK has no base-URL option on its facade (only per-Api Configuration); rewriting its
// public hosts in the fetch it uses keeps every path and query exactly as the SDK builds them.
const requested = [];
const fetchApi = (url, init) => {
  const rewritten = String(url)
    .replace(trading.TRADING_PAPER_HOST, tradingUrl)
    .replace(marketData.MARKET_DATA_HOST, dataUrl);
  if (rewritten === String(url)) throw new Error(`interop: request to an unexpected host: ${url}`);
  requested.push(`${init?.method ?? "GET"} ${new URL(rewritten).pathname}`);
  return fetch(rewritten, init);
};
const alpaca = new Alpaca({
  keyId: env("APCA_API_KEY_ID"),
  secret: env("APCA_API_SECRET_KEY"),
  paper: true,
  fetchApi,
  retry: false,
  timeoutMs: 10_000,
});
const models = new ModelChecker();

let failures = 0;
const check = (name, ok, detail = "") => {
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
  if (!ok) failures++;
};
const checkModel = (name, ns, model, value) => {
  const problems = models.problems(ns, model, value);
  check(`${name} matches the SDK's ${model} model`, problems.length === 0, problems.join("; "));
};
const withTimeout = (promise, ms, what) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms))]);

async function restTrading() {
  const connection = await alpaca.trading.validateConnection();
  check("validateConnection accepts the key pair", connection.ok, connection.ok ? "" : `${connection.status} ${connection.message}`);
  const account = await alpaca.trading.account.getAccount();
  checkModel("GET /v2/account", "trading", "Account", account);
  check("account has cash and buying power", Number(account.cash) > 0 && Number(account.buyingPower) > 0, `cash=${account.cash}`);

  const bad = new Alpaca({ keyId: "wrong", secret: "wrong", paper: true, fetchApi, retry: false });
  const refused = await bad.trading.validateConnection();
  check("a wrong key pair is refused with 401/403", !refused.ok && (refused.status === 401 || refused.status === 403), `status=${refused.status}`);

  const clock = await alpaca.trading.clock.legacyClock();
  checkModel("GET /v2/clock", "trading", "LegacyClock", clock);
  check("the replayed session is open", clock.isOpen === true && clock.timestamp.toISOString().startsWith(date), `timestamp=${clock.timestamp?.toISOString()}`);
  return account;
}

async function history() {
  // limit 100 forces pagination: 390 minutes x N symbols come in many pages.
  const bySymbol = await alpaca.marketData.collectStockBarsBySymbol({
    symbols: symbols.join(","),
    timeframe: TimeFrame.Minute,
    start: new Date(`${historyDate}T13:00:00Z`),
    end: new Date(`${historyDate}T21:00:00Z`),
    limit: 100,
    feed: "iex",
  });
  const pages = requested.filter((r) => r.endsWith("/v2/stocks/bars")).length;
  check("GET /v2/stocks/bars paginates", pages > 1, `${pages} pages`);
  for (const symbol of symbols) {
    const bars = bySymbol[symbol] ?? [];
    const increasing = bars.every((b, i) => i === 0 || b.t > bars[i - 1].t);
    check(`${symbol}: every regular-hours bar once, in order`, bars.length === rthBars[symbol] && increasing,
      `${bars.length} of ${rthBars[symbol]}`);
  }
  // The collect helpers hand back bars as sent; the generated method maps them through the models.
  const page = await alpaca.marketData.stocks.stockBars({
    symbols: symbols.join(","), timeframe: "1Min", start: new Date(`${historyDate}T13:00:00Z`), limit: 5, feed: "iex",
  });
  checkModel("a history page", "marketData", "StockBarsResp", page);
  // The generated mapper leaves the bars map as sent; StockBarFromJSON is how the SDK reads one bar.
  const raw = Object.values(page.bars)[0][0];
  check("a history bar's t is an RFC-3339 string", typeof raw.t === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(raw.t), raw.t);
  checkModel("a history bar", "marketData", "StockBar", marketData.StockBarFromJSON(raw));
  check("a page stops at its limit and names the next one", Object.values(page.bars).flat().length === 5 && typeof page.nextPageToken === "string");
}

async function liveBars() {
  const stream = alpaca.marketData.stockStream({ feed: "iex", url: streamUrl, reconnect: false });
  const seen = new Map();
  const errors = [];
  stream.onError((e) => errors.push(String(e)));
  stream.onConnect(() => stream.subscribeForBars(symbols));
  const done = new Promise((resolve) => {
    stream.onBar((bar) => {
      seen.set(bar.symbol, bar);
      if (seen.size === symbols.length) resolve();
    });
  });
  stream.connect();
  const auth = await stream.whenAuthenticated();
  check("market-data stream authenticates (msgpack)", auth.authenticated, `${auth.status} ${auth.message ?? ""}`);
  await withTimeout(done, 20_000, "bars of every symbol");
  stream.disconnect();
  const bar = seen.get(symbols[0]);
  check("stream bars of every subscribed symbol arrive", seen.size === symbols.length, `${seen.size}/${symbols.length}`);
  const typed = ["open", "high", "low", "close", "volume"].every((k) => typeof bar[k] === "number" && Number.isFinite(bar[k]));
  check("a stream bar decodes to numbers and a timestamp in the session",
    typed && bar.timestamp instanceof Date && bar.timestamp.toISOString().startsWith(date) && bar.low <= bar.high,
    JSON.stringify({ ...bar, timestampRaw: undefined }));
  check("no stream errors", errors.length === 0, errors.join("; "));
}

async function orders(account) {
  const updates = alpaca.trading.stream({ url: tradingUrl.replace(/^http/, "ws") + "/stream", reconnect: false });
  const events = [];
  updates.onTradeUpdate((u) => events.push(u));
  updates.connect();
  const auth = await updates.whenAuthenticated();
  check("trade_updates stream authenticates", auth.authenticated, `${auth.status} ${auth.message ?? ""}`);
  const symbol = symbols[0];
  const clientOrderId = `interop-${date}-${symbol}-1`;
  // submitAndWait waits for the server's "listening" acknowledgement before it places the order,
  // then for a terminal trade update: the SDK's own notion of a working trade_updates stream.
  const filled = await alpaca.trading.submitAndWait(
    { type: "market", symbol, qty: 3, side: "buy", timeInForce: "day", clientOrderId },
    { timeoutMs: 20_000, stream: updates },
  ).catch((e) => e);
  if (filled instanceof Error) {
    check("submitAndWait: a market order is placed and filled", false, filled.message);
    return;
  }
  check("submitAndWait: a market order is placed and filled", filled.status === "filled" && filled.filledQty === "3",
    `status=${filled.status} filled_qty=${filled.filledQty} avg=${filled.filledAvgPrice}`);
  checkModel("the filled order", "trading", "Order", filled);
  const fill = events.find((e) => e.event === "fill");
  check("trade_updates carries the fill with price and qty", fill && Number(fill.price) > 0 && fill.qty === "3" && fill.timestamp instanceof Date,
    fill ? `price=${fill.price} qty=${fill.qty} position_qty=${fill.positionQty}` : "no fill event");

  const byClientId = await alpaca.trading.orders.getOrderByClientOrderId({ clientOrderId });
  check("GET /v2/orders:by_client_order_id finds it", byClientId.id === filled.id && byClientId.clientOrderId === clientOrderId);
  const again = await alpaca.trading.orders.market({ symbol, qty: 3, side: "buy", clientOrderId }).catch((e) => e);
  check("a second order with the same client_order_id is refused with 422", again instanceof Error && again.status === 422,
    again instanceof Error ? `status=${again.status}` : "accepted");

  const position = await alpaca.trading.positions.getOpenPosition({ symbolOrAssetId: symbol });
  checkModel(`GET /v2/positions/${symbol}`, "trading", "Position", position);
  check("the position holds the filled quantity at its price", position.qty === "3" && position.avgEntryPrice === filled.filledAvgPrice,
    `qty=${position.qty} avg_entry_price=${position.avgEntryPrice}`);
  const all = await alpaca.trading.positions.getAllOpenPositions();
  check("GET /v2/positions lists it", all.length === 1 && all[0].symbol === symbol);
  const after = await alpaca.trading.account.getAccount();
  check("cash fell by the fill's notional", Math.abs(Number(account.cash) - Number(after.cash) - 3 * Number(filled.filledAvgPrice)) < 0.01,
    `${account.cash} -> ${after.cash}`);

  const rejected = await alpaca.trading.orders.market({ symbol: "NOTASYMBOL", qty: 1, side: "buy" }).catch((e) => e);
  check("an order for an unknown symbol is refused with 422", rejected instanceof Error && rejected.status === 422,
    rejected instanceof Error ? `status=${rejected.status}` : "accepted");

  const closing = await alpaca.trading.closeAllPositions({ cancelOrders: true });
  check("DELETE /v2/positions answers one entry per position", closing.length === 1 && closing[0].symbol === symbol && closing[0].status === 200,
    JSON.stringify(closing.map((c) => ({ symbol: c.symbol, status: c.status }))));
  checkModel("a close-all entry", "trading", "PositionClosedReponse", closing[0]);
  const deadline = Date.now() + 20_000;
  let open = await alpaca.trading.positions.getAllOpenPositions();
  while (open.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    open = await alpaca.trading.positions.getAllOpenPositions();
  }
  check("the closing order fills and the account is flat", open.length === 0);
  const list = await alpaca.trading.orders.getAllOrders({ status: "all" });
  check("GET /v2/orders lists both orders", list.length === 2, `${list.length} orders`);
  list.forEach((o, i) => checkModel(`GET /v2/orders [${i}]`, "trading", "Order", o));
  const missing = await alpaca.trading.positions.getOpenPosition({ symbolOrAssetId: symbol }).catch((e) => e);
  check("GET /v2/positions/{symbol} of a flat symbol is 404", missing instanceof Error && missing.status === 404,
    missing instanceof Error ? `status=${missing.status}` : "found");
  updates.disconnect();
}

try {
  const account = await restTrading();
  await history();
  await liveBars();
  await orders(account);
} catch (e) {
  check("no unexpected exception", false, e?.stack ?? String(e));
}
console.log(failures === 0 ? "interop: all checks passed" : `interop: ${failures} check(s) FAILED`);
process.exit(failures === 0 ? 0 : 1);
