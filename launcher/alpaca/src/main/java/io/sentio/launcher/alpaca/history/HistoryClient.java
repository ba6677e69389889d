package io.sentio.launcher.alpaca.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sentio.launcher.alpaca.AlpacaRest;
import io.sentio.launcher.alpaca.AlpacaTime;
import io.sentio.launcher.alpaca.Rfc3339;
import io.sentio.launcher.alpaca.SymbolTable;
import java.io.IOException;
import okhttp3.HttpUrl;

/**
 * Historical one-minute bars: {@code GET /v2/stocks/bars} with every page followed through
 * {@code next_page_token}. Bars of symbols not in the table are skipped.
 */
public final class HistoryClient {
    public static final int PAGE_LIMIT = 10_000;
    private final JsonFactory json = new JsonFactory();
    private final AlpacaRest rest;
    private final String feed;
    private final int pageLimit;

    public HistoryClient(AlpacaRest rest, String feed, int pageLimit) {
        if (pageLimit < 1 || pageLimit > PAGE_LIMIT) {
            throw new IllegalArgumentException("page limit must be 1.." + PAGE_LIMIT);
        }
        this.rest = rest;
        this.feed = feed;
        this.pageLimit = pageLimit;
    }

    /**
     * Every bar of the table's symbols starting in [startEpochSecond, endEpochSecond], per symbol in time
     * order (Alpaca sorts by symbol, then time). Returns the number of bars delivered.
     */
    public long fetch(SymbolTable symbols, long startEpochSecond, long endEpochSecond, HistoryBarSink sink)
        throws IOException, InterruptedException {
        String list = String.join(",", symbols.universe().symbols());
        String pageToken = null;
        long delivered = 0;
        do {
            HttpUrl.Builder url = rest.url("/v2/stocks/bars")
                .addQueryParameter("symbols", list)
                .addQueryParameter("timeframe", "1Min")
                .addQueryParameter("start", AlpacaTime.utc(startEpochSecond))
                .addQueryParameter("end", AlpacaTime.utc(endEpochSecond))
                .addQueryParameter("limit", Integer.toString(pageLimit))
                .addQueryParameter("feed", feed)
                .addQueryParameter("adjustment", "raw");
            if (pageToken != null) {
                url.addQueryParameter("page_token", pageToken);
            }
            Page page = new Page();
            parse(rest.get(url.build()).body, symbols, sink, page);
            delivered += page.bars;
            pageToken = page.nextToken;
        } while (pageToken != null && !pageToken.isEmpty());
        return delivered;
    }

    private static final class Page {
        long bars;
        String nextToken;
    }

    private void parse(String body, SymbolTable symbols, HistoryBarSink sink, Page page) throws IOException {
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("bars response is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if ("bars".equals(field) && v == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        int symbol = symbols.indexOf(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                        if (p.nextToken() != JsonToken.START_ARRAY) {
                            p.skipChildren();
                            continue;
                        }
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            bar(p, symbol, sink, page);
                        }
                    }
                } else if ("next_page_token".equals(field)) {
                    page.nextToken = v == JsonToken.VALUE_NULL ? null : p.getText();
                } else if (v.isStructStart()) {
                    p.skipChildren();
                }
            }
        }
    }

    private static void bar(JsonParser p, int symbol, HistoryBarSink sink, Page page) throws IOException {
        long t = Long.MIN_VALUE;
        double o = Double.NaN;
        double h = Double.NaN;
        double l = Double.NaN;
        double c = Double.NaN;
        double vol = Double.NaN;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "t": t = Rfc3339.parseEpochSecond(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()); break;
                case "o": o = p.getDoubleValue(); break;
                case "h": h = p.getDoubleValue(); break;
                case "l": l = p.getDoubleValue(); break;
                case "c": c = p.getDoubleValue(); break;
                case "v": vol = p.getDoubleValue(); break;
                default:
                    if (v.isStructStart()) {
                        p.skipChildren();
                    }
            }
        }
        if (symbol >= 0) {
            if (t == Long.MIN_VALUE) {
                throw new IOException("history bar without 't'");
            }
            sink.onBar(symbol, t, o, h, l, c, vol);
            page.bars++;
        }
    }
}
