package io.sentio.launcher.exchange;

import io.sentio.core.time.SessionCalendar;
import java.io.IOException;
import java.net.InetAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * A local Alpaca-protocol stand-in on 127.0.0.1: the market-data stream ({@code /v2/iex}, {@code /v2/sip})
 * replaying one session or several consecutive ones (nights at their own speed), the history API,
 * the trading API with {@code /v2/clock} and {@code /v2/calendar}, and the trade_updates stream, all
 * on one port, for clients holding the key pair it was given. Faults are injected per {@link FaultPlan}.
 */
public final class ExchangeServer implements AutoCloseable {
    /** MockWebServer logs every request line through java.util.logging; keep a strong reference to mute it. */
    private static final java.util.logging.Logger SERVER_LOG = java.util.logging.Logger.getLogger(MockWebServer.class.getName());

    private final ExchangeContext ctx;
    private final MockWebServer server = new MockWebServer();
    private final ReplayClock clock;
    private final StandInBroker broker;
    private final MarketFeed feed;
    private final HistoryEndpoint history;
    private final CalendarEndpoint calendar;
    private final TradeStream trades;
    private final RestLimiter limiter;
    private final AtomicInteger burstLeft;
    private final AtomicInteger orderPosts = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    /** Unix second until which every request is refused (FaultPlan#rateLimitAtOrder); 0 = none. */
    private volatile long exhaustedUntilSecond;

    private ExchangeServer(ExchangeContext ctx) {
        this.ctx = ctx;
        long day = ctx.date().toEpochDay();
        this.clock = new ReplayClock(SessionCalendar.openEpochSecond(day), ctx.speed());
        this.broker = new StandInBroker(ctx.tape(), clock, ctx.faults(), ctx.fillAtArrival());
        this.feed = new MarketFeed(ctx.tape(), ctx.sessions(), ctx.nightSpeed(), clock, ctx.faults(), ctx.credentials(),
            broker, this::minuteDue);
        this.calendar = new CalendarEndpoint(ctx.faults());
        this.history = new HistoryEndpoint(ctx.tape(), feed);
        this.trades = new TradeStream(ctx.credentials(), broker, ctx.faults(), feed::startReplay);
        this.limiter = new RestLimiter(ctx.rateLimitPerMinute());
        this.burstLeft = new AtomicInteger(ctx.faults().rateLimitBurst);
    }

    public static ExchangeServer start(ExchangeContext context) throws IOException {
        ExchangeServer s = new ExchangeServer(context.conclude());
        SERVER_LOG.setLevel(Level.WARNING);
        s.server.setDispatcher(s.new Router());
        s.server.start(InetAddress.getLoopbackAddress(), context.port());
        return s;
    }

    public int port() {
        return server.getPort();
    }

    /** Trading and data REST base, e.g. http://127.0.0.1:PORT. */
    public String httpUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Market-data stream URL for a feed ("iex" or "sip"). */
    public String streamUrl(String feedName) {
        return "ws://127.0.0.1:" + port() + "/v2/" + feedName;
    }

    /** Current market time of the replay, epoch milliseconds. */
    public long marketTimeMillis() {
        return clock.nowMillis();
    }

    public int minutesPublished() {
        return feed.minutesPublished();
    }

    public int orderCount() {
        return broker.orderCount();
    }

    /** The client_order_id of every order the exchange accepted, in arrival order. */
    public List<String> clientOrderIds() {
        return broker.clientOrderIds();
    }

    /** Order submissions refused as repeats of an earlier client_order_id. */
    public int duplicateClientOrderIds() {
        return broker.duplicateClientOrderIds();
    }

    /** REST requests answered with HTTP 429 (bursts, an exhausted budget, the per-minute limit). */
    public int rateLimitedRequests() {
        return rateLimited.get();
    }

    /** trade_updates connection attempts refused (HTTP 503) during an outage. */
    public int refusedTradeStreamConnections() {
        return trades.refusedConnections();
    }

    public List<String> positions() {
        return broker.positionSummary();
    }

    /** The first session served. */
    public LocalDate date() {
        return ctx.date();
    }

    /** The last session served. */
    public LocalDate to() {
        return ctx.to();
    }

    private void minuteDue(int m) {
        trades.onMinuteDue(m);
    }

    @Override
    public void close() throws IOException {
        feed.close();
        server.close();
    }

    private final class Router extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            HttpUrl url = request.getUrl();
            String path = url.encodedPath();
            if ("websocket".equalsIgnoreCase(request.getHeaders().get("Upgrade"))) {
                if (path.equals("/v2/iex") || path.equals("/v2/sip") || path.equals("/v2/test")) {
                    boolean msgpack = String.valueOf(request.getHeaders().get("Content-Type")).startsWith("application/msgpack");
                    return new MockResponse.Builder().webSocketUpgrade(feed.newSession(msgpack)).build();
                }
                if (path.equals("/stream")) {
                    return trades.refusing() ? reply(HttpReply.error(503, 50310000, "trade_updates unavailable"), null)
                        : new MockResponse.Builder().webSocketUpgrade(trades.newSession()).build();
                }
                return reply(HttpReply.error(404, 40410000, "not found"), null);
            }
            if (!ctx.credentials().matches(request.getHeaders().get("APCA-API-KEY-ID"),
                request.getHeaders().get("APCA-API-SECRET-KEY"))) {
                return reply(HttpReply.error(401, 40110000, "request is not authorized"), null);
            }
            long nowSecond = System.currentTimeMillis() / 1000;
            if ("POST".equals(request.getMethod()) && path.equals("/v2/orders")
                && orderPosts.incrementAndGet() == ctx.faults().rateLimitAtOrder) {
                // The second after next: a window of 1-2 s, so a client that retries without waiting runs out of retries.
                exhaustedUntilSecond = nowSecond + 2;
            }
            if (nowSecond < exhaustedUntilSecond) {
                return tooMany(exhaustedUntilSecond);
            }
            if (burstLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return tooMany(nowSecond + 1);
            }
            long[] rate = limiter.take(nowSecond);
            if (rate[1] < 0) {
                return tooMany(rate[2]);
            }
            return reply(route(request, url, path), rate);
        }

        private MockResponse tooMany(long resetSecond) {
            rateLimited.incrementAndGet();
            return reply(HttpReply.error(429, 42910000, "rate limit exceeded"),
                new long[] {ctx.rateLimitPerMinute(), 0, resetSecond});
        }

        private HttpReply route(RecordedRequest request, HttpUrl url, String path) {
            String method = request.getMethod();
            if ("GET".equals(method)) {
                switch (path) {
                    case "/v2/stocks/bars": return history.bars(url);
                    case "/v2/account": return broker.account();
                    case "/v2/positions": return broker.positions();
                    case "/v2/clock": return marketClock();
                    case "/v2/calendar": return calendar.calendar(url,
                        LocalDate.ofEpochDay(SessionCalendar.nyEpochDay(clock.nowMillis() / 1000)));
                    case "/v2/orders": return broker.orders(url.queryParameter("status"), url.queryParameter("limit"),
                        url.queryParameter("direction"));
                    case "/v2/orders:by_client_order_id": return broker.byClientOrderId(url.queryParameter("client_order_id"));
                    default:
                        if (path.startsWith("/v2/orders/")) {
                            return broker.byId(path.substring("/v2/orders/".length()));
                        }
                        if (path.startsWith("/v2/positions/")) {
                            return broker.position(path.substring("/v2/positions/".length()));
                        }
                }
            } else if ("POST".equals(method) && path.equals("/v2/orders")) {
                return broker.submit(request.getBody() == null ? "" : request.getBody().utf8());
            } else if ("DELETE".equals(method) && path.equals("/v2/positions")) {
                return broker.closeAll("true".equals(url.queryParameter("cancel_orders")));
            } else if ("DELETE".equals(method) && path.startsWith("/v2/positions/")) {
                return broker.closePosition(path.substring("/v2/positions/".length()));
            }
            return HttpReply.error(404, 40410000, "endpoint not found");
        }

        private MockResponse reply(HttpReply r, long[] rate) {
            if (r == HttpReply.LOST) {
                return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
            }
            MockResponse.Builder b = new MockResponse.Builder().code(r.status)
                .setHeader("Content-Type", "application/json; charset=UTF-8").body(r.body);
            if (rate != null) {
                b.setHeader("X-Ratelimit-Limit", rate[0]).setHeader("X-Ratelimit-Remaining", rate[1])
                    .setHeader("X-Ratelimit-Reset", rate[2]);
            }
            return b.build();
        }
    }

    /** {@code GET /v2/clock} in market time. */
    private HttpReply marketClock() {
        long nowMillis = clock.nowMillis();
        long now = nowMillis / 1000;
        LocalDate today = LocalDate.ofEpochDay(SessionCalendar.nyEpochDay(now));
        long open = 0;
        long close = 0;
        boolean isOpen = false;
        if (SessionCalendar.isTradingDay(today)) {
            open = SessionCalendar.openEpochSecond(today.toEpochDay());
            // Alpaca's close is 16:00 (13:00): the bar starting then is the session's last, not a minute of trading.
            close = open + SessionCalendar.closeMinute(today) * 60L;
            isOpen = now >= open && now < close;
        }
        LocalDate next = now < open ? today : SessionCalendar.nextTradingDay(today.plusDays(1));
        long nextOpen = SessionCalendar.openEpochSecond(next.toEpochDay());
        LocalDate closeDay = now < close ? today : next;
        long nextClose = SessionCalendar.openEpochSecond(closeDay.toEpochDay())
            + SessionCalendar.closeMinute(closeDay) * 60L;
        return HttpReply.ok(WireJson.object()
            .put("timestamp", io.sentio.launcher.alpaca.AlpacaTime.newYorkMillis(nowMillis))
            .put("is_open", isOpen)
            .put("next_open", io.sentio.launcher.alpaca.AlpacaTime.newYork(nextOpen))
            .put("next_close", io.sentio.launcher.alpaca.AlpacaTime.newYork(nextClose))
            .toString());
    }
}
