package io.sentio.launcher.alpaca.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.sentio.launcher.alpaca.Rfc3339;
import io.sentio.launcher.alpaca.SymbolTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a JSON text frame (an array of messages, or one message) into a {@link StreamFrameHandler}
 * with jackson-core's token parser: no object tree, symbols resolved without building strings.
 * Bars of symbols outside the universe are ignored.
 *
 * <p>Nothing the server sends makes {@link #decode} throw: a frame that does not parse is counted in
 * {@link FrameRejects} (the messages before the fault are delivered), and a message with a wrong-typed
 * or unusable field is counted and skipped while the rest of its frame is delivered.
 */
public final class JsonFrameDecoder {
    /** Alpaca frames are a few KiB; the limits only bound what garbage can cost. */
    static final int MAX_FRAME_CHARS = 1 << 20;
    private static final int MAX_NESTING = 16;
    private static final int MAX_STRING = 1 << 16;
    private final JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).maxStringLength(MAX_STRING)
            .maxNumberLength(64).maxDocumentLength(MAX_FRAME_CHARS).build())
        .build();
    private final SymbolTable symbols;
    private final FrameRejects rejects;
    private final StreamMessage message = new StreamMessage();

    public JsonFrameDecoder(SymbolTable symbols, FrameRejects rejects) {
        this.symbols = symbols;
        this.rejects = rejects;
    }

    public void decode(String frame, StreamFrameHandler handler) {
        if (frame.length() > MAX_FRAME_CHARS) {
            rejects.reject(FrameReject.OVERSIZED, frame.length() + " chars");
            return;
        }
        try (JsonParser p = factory.createParser(frame)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
                    if (t == JsonToken.START_OBJECT) {
                        message(p, handler);
                    } else {
                        rejects.reject(FrameReject.WRONG_TYPE, "an array element that is not a message object: " + t);
                        p.skipChildren();
                    }
                }
            } else if (first == JsonToken.START_OBJECT) {
                message(p, handler);
            } else {
                rejects.reject(FrameReject.MALFORMED, "a frame that is neither an array nor an object");
                return;
            }
            if (p.nextToken() != null) {
                rejects.reject(FrameReject.MALFORMED, "content after the frame's array or object");
            }
        } catch (StreamConstraintsException e) {
            rejects.reject(FrameReject.OVERSIZED, e.getOriginalMessage());
        } catch (IOException e) {
            // JsonParseException (bad syntax, truncation, invalid characters) and input coercion errors
            rejects.reject(FrameReject.MALFORMED, e.getClass().getSimpleName());
        }
    }

    private void message(JsonParser p, StreamFrameHandler handler) throws IOException {
        StreamMessage m = message.reset();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "T":
                    if (value != JsonToken.VALUE_STRING) {
                        m.problem(FrameReject.WRONG_TYPE, name);
                    } else if (p.getTextLength() == 1) {
                        m.type = p.getTextCharacters()[p.getTextOffset()];
                    } else {
                        m.typeText = p.getText();
                    }
                    break;
                case "S":
                    if (value == JsonToken.VALUE_STRING) {
                        m.symbol = symbols.indexOf(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    } else {
                        m.problem(FrameReject.WRONG_TYPE, name);
                    }
                    break;
                case "t":
                    if (value == JsonToken.VALUE_STRING) {
                        m.epochSecond = time(p, m);
                    } else {
                        m.problem(FrameReject.WRONG_TYPE, name);
                    }
                    break;
                case "o": m.open = number(p, value, m, name); break;
                case "h": m.high = number(p, value, m, name); break;
                case "l": m.low = number(p, value, m, name); break;
                case "c": m.close = number(p, value, m, name); break;
                case "v": m.volume = number(p, value, m, name); break;
                case "code":
                    if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                        m.code = p.getIntValue();
                    } else {
                        m.problem(FrameReject.WRONG_TYPE, name);
                    }
                    break;
                case "msg":
                    if (value == JsonToken.VALUE_STRING) {
                        m.msg = p.getText();
                    } else {
                        m.problem(FrameReject.WRONG_TYPE, name);
                    }
                    break;
                case "bars": m.bars = strings(p, value, m, name); break;
                case "updatedBars": m.updatedBars = strings(p, value, m, name); break;
                default:
                    break;
            }
            // Unknown fields, and known ones found wrong-typed, may be objects or arrays: step over them.
            JsonToken at = p.currentToken();
            if (at != null && at.isStructStart()) {
                p.skipChildren();
            }
        }
        m.deliver(handler, rejects);
    }

    private static long time(JsonParser p, StreamMessage m) throws IOException {
        try {
            return Rfc3339.parseEpochSecond(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        } catch (IllegalArgumentException e) {
            m.problem(FrameReject.BAD_VALUE, "t");
            return Long.MIN_VALUE;
        }
    }

    private static double number(JsonParser p, JsonToken value, StreamMessage m, String name) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        m.problem(FrameReject.WRONG_TYPE, name);
        return Double.NaN;
    }

    /** The strings of an array; leaves the parser on its END_ARRAY. */
    private static String[] strings(JsonParser p, JsonToken value, StreamMessage m, String name) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            m.problem(FrameReject.WRONG_TYPE, name);
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
            if (t == JsonToken.VALUE_STRING) {
                out.add(p.getText());
            } else {
                m.problem(FrameReject.WRONG_TYPE, name);
                p.skipChildren();
            }
        }
        return out.toArray(new String[0]);
    }
}
