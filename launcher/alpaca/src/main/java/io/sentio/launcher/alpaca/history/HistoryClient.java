package io.sentio.launcher.alpaca.history;

import io.sentio.launcher.alpaca.AlpacaRest;
import io.sentio.launcher.alpaca.AlpacaTime;
import io.sentio.launcher.alpaca.SymbolTable;
import java.io.IOException;
import okhttp3.HttpUrl;

/**
 * Historical one-minute bars: {@code GET /v2/stocks/bars} with every page followed through
 * {@code next_page_token}. Bars of symbols not in the table are skipped; an unreadable page is an
 * {@code AlpacaException} of kind WIRE ({@link BarsAnswer}).
 */
public final class HistoryClient {
    public static final int PAGE_LIMIT = 10_000;
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
        BarsAnswer page = new BarsAnswer();
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
            page.parse(rest.get(url.build()).body, symbols, sink);
            delivered += page.bars;
            pageToken = page.nextToken;
        } while (pageToken != null && !pageToken.isEmpty());
        return delivered;
    }
}
