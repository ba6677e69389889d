package io.sentio.launcher.alpaca.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.sentio.launcher.alpaca.AlpacaException;
import io.sentio.launcher.alpaca.Rfc3339;
import io.sentio.launcher.alpaca.SymbolTable;
import java.io.IOException;

/**
 * One page of {@code GET /v2/stocks/bars} ({@code {"bars":{"SPY":[{t,o,h,l,c,v,..},..],..},
 * "next_page_token":..}}), streamed with jackson-core into a {@link HistoryBarSink}. An answer that is
 * not that shape, or a bar of the universe without a readable t, o, h, l, c or v, is an
 * {@link AlpacaException} of kind WIRE naming the symbol and field: backfill must not deliver a bar
 * it could only guess.
 */
final class BarsAnswer {
    private static final String WHAT = "GET /v2/stocks/bars answer";
    private final JsonFactory json = new JsonFactory();
    /** Bars delivered by the last {@link #parse}. */
    long bars;
    /** The last page's {@code next_page_token}; null on the last page. */
    String nextToken;

    void parse(String body, SymbolTable symbols, HistoryBarSink sink) {
        bars = 0;
        nextToken = null;
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw AlpacaException.wire(WHAT + " is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if ("bars".equals(field)) {
                    if (v == JsonToken.START_OBJECT) {
                        symbols(p, symbols, sink);
                    } else if (v != JsonToken.VALUE_NULL) {
                        throw AlpacaException.wire(WHAT + ": 'bars' is not an object");
                    }
                } else if ("next_page_token".equals(field)) {
                    if (v == JsonToken.VALUE_STRING) {
                        nextToken = p.getText();
                    } else if (v != JsonToken.VALUE_NULL) {
                        throw AlpacaException.wire(WHAT + ": 'next_page_token' is neither a string nor null");
                    }
                } else if (v.isStructStart()) {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw AlpacaException.wire(WHAT + ": content after the object");
            }
        } catch (JsonProcessingException e) {
            throw AlpacaException.wire(WHAT + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw AlpacaException.wire(WHAT + " could not be read: " + e.getMessage());
        }
    }

    private void symbols(JsonParser p, SymbolTable symbols, HistoryBarSink sink) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            int symbol = symbols.indexOf(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_NULL) {
                continue;
            }
            if (v != JsonToken.START_ARRAY) {
                throw AlpacaException.wire(WHAT + ": the bars of " + name + " are not an array");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.START_OBJECT) {
                    throw AlpacaException.wire(WHAT + ": a bar of " + name + " is not an object");
                }
                bar(p, symbol, name, sink);
            }
        }
    }

    private void bar(JsonParser p, int symbol, String name, HistoryBarSink sink) throws IOException {
        long t = Long.MIN_VALUE;
        double o = Double.NaN;
        double h = Double.NaN;
        double l = Double.NaN;
        double c = Double.NaN;
        double vol = Double.NaN;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "t": t = time(p, v, name); break;
                case "o": o = number(p, v, name, field); break;
                case "h": h = number(p, v, name, field); break;
                case "l": l = number(p, v, name, field); break;
                case "c": c = number(p, v, name, field); break;
                case "v": vol = number(p, v, name, field); break;
                default:
                    if (v.isStructStart()) {
                        p.skipChildren();
                    }
            }
        }
        if (symbol < 0) {
            return;
        }
        if (t == Long.MIN_VALUE || Double.isNaN(o) || Double.isNaN(h) || Double.isNaN(l) || Double.isNaN(c) || Double.isNaN(vol)) {
            throw AlpacaException.wire(WHAT + ": a bar of " + name + " without one of t, o, h, l, c, v");
        }
        if (!(o > 0 && h > 0 && l > 0 && c > 0 && vol >= 0) || Double.isInfinite(o + h + l + c + vol)) {
            throw AlpacaException.wire(WHAT + ": a bar of " + name + " with a price not positive and finite or a negative volume");
        }
        sink.onBar(symbol, t, o, h, l, c, vol);
        bars++;
    }

    private static long time(JsonParser p, JsonToken v, String name) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            throw AlpacaException.wire(WHAT + ": a bar of " + name + " whose 't' is not a string");
        }
        try {
            return Rfc3339.parseEpochSecond(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        } catch (IllegalArgumentException e) {
            throw AlpacaException.wire(WHAT + ": a bar of " + name + " with 't' " + e.getMessage());
        }
    }

    private static double number(JsonParser p, JsonToken v, String name, String field) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
            throw AlpacaException.wire(WHAT + ": a bar of " + name + " whose '" + field + "' is not a number");
        }
        return p.getDoubleValue();
    }
}
