package io.sentio.launcher.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sentio.launcher.alpaca.AlpacaTime;
import io.sentio.launcher.alpaca.Rfc3339;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import okhttp3.HttpUrl;

/**
 * {@code GET /v2/stocks/bars} of the stand-in: 1Min bars of the tape, sorted by symbol then time,
 * {@code limit} bars per page across symbols, an opaque {@code next_page_token}. Only bars that have
 * already closed in market time are visible.
 */
final class HistoryEndpoint {
    private final SessionTape tape;
    private final MarketFeed feed;

    HistoryEndpoint(SessionTape tape, MarketFeed feed) {
        this.tape = tape;
        this.feed = feed;
    }

    HttpReply bars(HttpUrl url) {
        String symbolsParam = url.queryParameter("symbols");
        if (symbolsParam == null || symbolsParam.isBlank()) {
            return HttpReply.error(400, 40010001, "missing symbols");
        }
        String timeframe = url.queryParameter("timeframe");
        if (!"1Min".equals(timeframe) && !"1T".equals(timeframe)) {
            return HttpReply.error(422, 42210000, "the stand-in serves timeframe 1Min only");
        }
        long start;
        long end;
        int limit;
        try {
            start = time(url.queryParameter("start"), Long.MIN_VALUE);
            end = time(url.queryParameter("end"), Long.MAX_VALUE);
            String l = url.queryParameter("limit");
            limit = l == null ? 1000 : Integer.parseInt(l);
        } catch (RuntimeException e) {
            return HttpReply.error(422, 42210000, "invalid query: " + e.getMessage());
        }
        if (limit < 1 || limit > 10_000) {
            return HttpReply.error(422, 42210000, "invalid limit: must be 1..10000");
        }
        String[] symbols = symbolsParam.split(",");
        Arrays.sort(symbols);
        int from = 0;
        long fromTime = start;
        String token = url.queryParameter("page_token");
        if (token != null && !token.isEmpty()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
                from = Arrays.binarySearch(symbols, parts[0]);
                fromTime = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                from = -1;
            }
            if (from < 0) {
                return HttpReply.error(422, 42210000, "invalid page_token");
            }
        }
        long visibleBefore = feed.horizonEpochSecond();
        ObjectNode page = WireJson.object();
        ObjectNode bars = page.putObject("bars");
        int written = 0;
        String next = null;
        for (int k = from; k < symbols.length && next == null; k++) {
            int s = tape.universe().indexOf(symbols[k]);
            if (s < 0) {
                continue;
            }
            int i = tape.firstAtOrAfter(s, k == from ? Math.max(fromTime, start) : start);
            ArrayNode symbolBars = null;
            for (; i < tape.count(s); i++) {
                long t = tape.time(s, i);
                if (t > end || t >= visibleBefore) {
                    break;
                }
                if (written == limit) {
                    next = Base64.getUrlEncoder().withoutPadding()
                        .encodeToString((symbols[k] + ":" + t).getBytes(StandardCharsets.UTF_8));
                    break;
                }
                if (symbolBars == null) {
                    symbolBars = bars.putArray(symbols[k]);
                }
                ObjectNode bar = symbolBars.addObject().put("t", AlpacaTime.utc(t));
                bar.set("o", WireJson.number(tape.open(s, i)));
                bar.set("h", WireJson.number(tape.high(s, i)));
                bar.set("l", WireJson.number(tape.low(s, i)));
                bar.set("c", WireJson.number(tape.close(s, i)));
                bar.set("v", WireJson.number(tape.volume(s, i)));
                bar.put("n", 1);
                bar.set("vw", WireJson.number((tape.high(s, i) + tape.low(s, i) + tape.close(s, i)) / 3.0));
                written++;
            }
        }
        page.put("next_page_token", next);
        return HttpReply.ok(page.toString());
    }

    /** RFC-3339 or a plain date (midnight New York). */
    private static long time(String v, long absent) {
        if (v == null || v.isEmpty()) {
            return absent;
        }
        if (v.length() == 10) {
            return LocalDate.parse(v).atStartOfDay(io.sentio.core.time.SessionCalendar.NEW_YORK).toEpochSecond();
        }
        return Rfc3339.parseEpochSecond(v);
    }
}
