package io.sentio.launcher.alpaca;

import static io.sentio.launcher.alpaca.ExchangeFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentio.core.market.Universe;
import io.sentio.core.time.SessionCalendar;
import io.sentio.launcher.alpaca.stream.MarketDataStream;
import io.sentio.launcher.exchange.ExchangeContext;
import io.sentio.launcher.exchange.ExchangeServer;
import io.sentio.launcher.exchange.FaultPlan;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code sentio exchange --from D --to D}: consecutive sessions, nights, and Alpaca's /v2/calendar and /v2/clock. */
@Timeout(120)
class MultiSessionExchangeTest {
    private static final Universe UNIVERSE = Universe.of("SPY", "QQQ");
    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 1), TestTapes.DAY);
    private static final int MINUTES = 3;
    /** Sessions unpaced; a night (17.5 market hours) in about 2 real seconds, time to close a stream. */
    private static final double NIGHT_SPEED = 30_000;

    private static ExchangeServer start(double speed, double nightSpeed, FaultPlan faults) throws Exception {
        return ExchangeServer.start(new ExchangeContext().tape(TestTapes.tape(UNIVERSE, DAYS, MINUTES, -1, -1))
            .date(DAYS.get(0)).to(DAYS.get(2)).speed(speed).nightSpeed(nightSpeed)
            .credentials(ExchangeFixture.CREDENTIALS).faults(faults));
    }

    private static JsonNode get(AlpacaRest rest, String pathAndQuery) throws Exception {
        AlpacaRest.Reply r = rest.get(okhttp3.HttpUrl.get(rest.url("/").build() + pathAndQuery.substring(1)));
        assertEquals(200, r.status, r.body);
        return AlpacaJson.MAPPER.readTree(r.body);
    }

    @Test
    void shouldReplayEachSessionToItsSubscriberAndHoldAtTheNextOpenUntilANewSubscription() throws Exception {
        try (ExchangeServer x = start(0, NIGHT_SPEED, new FaultPlan());
             ExchangeFixtureClient client = new ExchangeFixtureClient(x)) {
            for (int d = 0; d < DAYS.size(); d++) {
                long open = SessionCalendar.openEpochSecond(DAYS.get(d).toEpochDay()) * 1000L;
                int published = 391 * d;
                await("the hold at " + DAYS.get(d) + "'s open", 20_000, () -> x.marketTimeMillis() == open);
                JsonNode clock = get(client.rest, "/v2/clock");
                assertEquals(open, OffsetDateTime.parse(clock.get("timestamp").asText()).toInstant().toEpochMilli());
                assertTrue(clock.get("is_open").asBoolean(), clock.toString());
                assertEquals(published, x.minutesPublished(), "nothing of the session is published before a subscription");

                ExchangeFixture.Recorder rec = new ExchangeFixture.Recorder(UNIVERSE);
                try (MarketDataStream stream = new MarketDataStream(client.streamContext(rec))) {
                    stream.start();
                    await(DAYS.get(d) + "'s close", 20_000, () -> x.minutesPublished() >= published + 391);
                    await(DAYS.get(d) + "'s bars", 20_000, () -> rec.bars.size() >= MINUTES * UNIVERSE.size());
                }
                List<String> days = new ArrayList<>();
                for (String bar : rec.plainBars()) {
                    long t = Long.parseLong(bar.split(" ")[1]);
                    days.add(LocalDate.ofEpochDay(SessionCalendar.nyEpochDay(t)).toString());
                }
                assertEquals(java.util.Collections.nCopies(MINUTES * UNIVERSE.size(), DAYS.get(d).toString()), days,
                    rec.bars.toString());
            }
        }
    }

    @Test
    void shouldStartTheNextSessionForASubscriptionMadeInTheLastMinutesOfTheNight() throws Exception {
        // A night of 17.5 market hours at 3,000x lasts 21 real seconds; its last 30 minutes 0.6 s.
        try (ExchangeServer x = start(0, 3_000, new FaultPlan());
             ExchangeFixtureClient client = new ExchangeFixtureClient(x)) {
            long firstOpen = SessionCalendar.openEpochSecond(DAYS.get(0).toEpochDay()) * 1000L;
            await("the first open", 20_000, () -> x.marketTimeMillis() == firstOpen);
            ExchangeFixture.Recorder first = new ExchangeFixture.Recorder(UNIVERSE);
            try (MarketDataStream stream = new MarketDataStream(client.streamContext(first))) {
                stream.start();
                await("the first close", 20_000, () -> x.minutesPublished() >= 391);
            }
            long nextOpen = SessionCalendar.openEpochSecond(DAYS.get(1).toEpochDay()) * 1000L;
            await("09:10 of the next morning", 60_000, () -> x.marketTimeMillis() >= nextOpen - 20 * 60_000L);
            assertTrue(x.marketTimeMillis() < nextOpen, "still the night when the client subscribes");
            ExchangeFixture.Recorder early = new ExchangeFixture.Recorder(UNIVERSE);
            try (MarketDataStream stream = new MarketDataStream(client.streamContext(early))) {
                stream.start();
                await("the next session, started by the subscription made before its open", 20_000,
                    () -> x.minutesPublished() >= 2 * 391);
                await("its bars", 20_000, () -> early.bars.size() >= MINUTES * UNIVERSE.size());
            }
        }
    }

    @Test
    void shouldServeTheCalendarInAlpacasFormatAndLeaveOutTheFaultsDay() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.calendarClosedDay = LocalDate.of(2025, 7, 7);
        try (ExchangeServer x = start(1, 1, faults);
             ExchangeFixtureClient client = new ExchangeFixtureClient(x)) {
            JsonNode cal = get(client.rest, "/v2/calendar?start=2025-07-02&end=2025-07-08");
            List<String> rows = new ArrayList<>();
            for (JsonNode d : cal) {
                rows.add(d.get("date").asText() + " " + d.get("open").asText() + "-" + d.get("close").asText() + " "
                    + d.get("session_open").asText() + "-" + d.get("session_close").asText() + " "
                    + d.get("settlement_date").asText());
            }
            assertEquals(List.of("2025-07-02 09:30-16:00 0400-2000 2025-07-03",
                "2025-07-03 09:30-13:00 0400-2000 2025-07-07",
                "2025-07-08 09:30-16:00 0400-2000 2025-07-09"), rows, "07-04 a holiday, 07-07 left out by the fault");
            AlpacaApiException bad = org.junit.jupiter.api.Assertions.assertThrows(AlpacaApiException.class,
                () -> client.rest.get(client.rest.url("/v2/calendar").addQueryParameter("start", "July").build()));
            assertTrue(bad.getMessage().contains("HTTP 422") && bad.getMessage().contains("invalid date: July"),
                bad.getMessage());
        }
    }

    /** REST and stream clients of a server the test started itself. */
    private static final class ExchangeFixtureClient implements AutoCloseable {
        final okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
        final ExchangeServer server;
        final AlpacaRest rest;

        ExchangeFixtureClient(ExchangeServer server) {
            this.server = server;
            this.rest = new AlpacaRest(http, server.httpUrl(), ExchangeFixture.CREDENTIALS,
                new TokenBucket(AlpacaClock.SYSTEM, 200, 200), AlpacaClock.SYSTEM, 3);
        }

        io.sentio.launcher.alpaca.stream.MarketDataStreamContext streamContext(ExchangeFixture.Recorder rec) {
            AlpacaClock clock = new AlpacaClock() {
                @Override
                public long epochMillis() {
                    return server.marketTimeMillis();
                }

                @Override
                public void sleepUntil(long target) throws InterruptedException {
                    while (server.marketTimeMillis() < target) {
                        Thread.sleep(1);
                    }
                }
            };
            return new io.sentio.launcher.alpaca.stream.MarketDataStreamContext().url(server.streamUrl("iex"))
                .credentials(ExchangeFixture.CREDENTIALS).symbols(new SymbolTable(UNIVERSE)).http(http).clock(clock)
                .randomSeed(42).backoffBaseMillis(20).backoffMaxMillis(200).silenceTimeoutMillis(10L * 86_400_000)
                .watchdogPeriodMillis(20).history(new io.sentio.launcher.alpaca.history.HistoryClient(
                    new AlpacaRest(http, server.httpUrl(), ExchangeFixture.CREDENTIALS,
                        new TokenBucket(clock, 200, 200), clock, 3), "iex", 10_000))
                .listener(rec).status(rec);
        }

        @Override
        public void close() {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
