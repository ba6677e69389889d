package io.sentio.launcher.alpaca.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sentio.launcher.alpaca.Rfc3339;
import io.sentio.launcher.alpaca.SymbolTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a JSON text frame (an array of messages, or one message) into a {@link StreamFrameHandler}
 * with jackson-core's token parser: no object tree, symbols resolved without building strings.
 * Bars of symbols outside the universe are ignored.
 */
public final class JsonFrameDecoder {
    private final JsonFactory factory = new JsonFactory();
    private final SymbolTable symbols;

    public JsonFrameDecoder(SymbolTable symbols) {
        this.symbols = symbols;
    }

    public void decode(String frame, StreamFrameHandler handler) throws IOException {
        try (JsonParser p = factory.createParser(frame)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    message(p, handler);
                }
            } else if (first == JsonToken.START_OBJECT) {
                message(p, handler);
            } else {
                throw new IOException("stream frame is neither an array nor an object");
            }
        }
    }

    private void message(JsonParser p, StreamFrameHandler handler) throws IOException {
        char type = 0;
        String typeText = null;
        int symbol = -2;
        long t = Long.MIN_VALUE;
        double o = Double.NaN;
        double h = Double.NaN;
        double l = Double.NaN;
        double c = Double.NaN;
        double v = Double.NaN;
        int code = 0;
        String msg = null;
        String[] bars = null;
        String[] updatedBars = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "T":
                    if (p.getTextLength() == 1) {
                        type = p.getTextCharacters()[p.getTextOffset()];
                    } else {
                        typeText = p.getText();
                    }
                    break;
                case "S":
                    symbol = symbols.indexOf(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    break;
                case "t": t = Rfc3339.parseEpochSecond(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()); break;
                case "o": o = p.getDoubleValue(); break;
                case "h": h = p.getDoubleValue(); break;
                case "l": l = p.getDoubleValue(); break;
                case "c": c = p.getDoubleValue(); break;
                case "v": v = p.getDoubleValue(); break;
                case "code": code = p.getIntValue(); break;
                case "msg": msg = p.getText(); break;
                case "bars": bars = strings(p); break;
                case "updatedBars": updatedBars = strings(p); break;
                default:
                    if (value.isStructStart()) {
                        p.skipChildren();
                    }
            }
        }
        if (type == 'b' || type == 'u') {
            if (symbol >= 0) {
                handler.onBar(symbol, t, o, h, l, c, v, type == 'u');
            }
        } else if ("success".equals(typeText)) {
            handler.onSuccess(msg);
        } else if ("subscription".equals(typeText)) {
            handler.onSubscription(bars == null ? new String[0] : bars, updatedBars == null ? new String[0] : updatedBars);
        } else if ("error".equals(typeText)) {
            handler.onError(code, msg);
        }
    }

    private static String[] strings(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(p.getText());
            }
        }
        return out.toArray(new String[0]);
    }
}
