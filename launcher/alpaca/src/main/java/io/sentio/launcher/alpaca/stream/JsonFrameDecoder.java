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
    private final StreamMessage message = new StreamMessage();

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
        StreamMessage m = message.reset();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "T":
                    if (p.getTextLength() == 1) {
                        m.type = p.getTextCharacters()[p.getTextOffset()];
                    } else {
                        m.typeText = p.getText();
                    }
                    break;
                case "S":
                    m.symbol = symbols.indexOf(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    break;
                case "t":
                    m.epochSecond = Rfc3339.parseEpochSecond(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    break;
                case "o": m.open = p.getDoubleValue(); break;
                case "h": m.high = p.getDoubleValue(); break;
                case "l": m.low = p.getDoubleValue(); break;
                case "c": m.close = p.getDoubleValue(); break;
                case "v": m.volume = p.getDoubleValue(); break;
                case "code": m.code = p.getIntValue(); break;
                case "msg": m.msg = p.getText(); break;
                case "bars": m.bars = strings(p); break;
                case "updatedBars": m.updatedBars = strings(p); break;
                default:
                    if (value.isStructStart()) {
                        p.skipChildren();
                    }
            }
        }
        m.deliver(handler);
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
