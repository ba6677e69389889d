package io.sentio.launcher.alpaca.stream;

import io.sentio.launcher.alpaca.Rfc3339;
import io.sentio.launcher.alpaca.SymbolTable;
import io.sentio.launcher.alpaca.msgpack.MsgPackReader;

/**
 * Decodes a MessagePack binary frame (an array of maps, the same keys as the JSON form, {@code t} as
 * a timestamp extension) into a {@link StreamFrameHandler}.
 */
public final class MsgPackFrameDecoder {
    private final MsgPackReader r = new MsgPackReader();
    private final SymbolTable symbols;
    private final char[] scratch = new char[32];

    public MsgPackFrameDecoder(SymbolTable symbols) {
        this.symbols = symbols;
    }

    public void decode(byte[] frame, StreamFrameHandler handler) {
        r.wrap(frame, 0, frame.length);
        if (r.peekKind() == MsgPackReader.Kind.ARRAY) {
            int n = r.readArrayHeader();
            for (int i = 0; i < n; i++) {
                message(handler);
            }
        } else {
            message(handler);
        }
    }

    private void message(StreamFrameHandler handler) {
        int fields = r.readMapHeader();
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
        for (int f = 0; f < fields; f++) {
            if (r.peekKind() != MsgPackReader.Kind.STRING) {
                r.skip();
                r.skip();
                continue;
            }
            int keyLength = r.readString(scratch);
            char key = keyLength == 1 ? scratch[0] : 0;
            switch (key) {
                case 'T': {
                    int n = r.readString(scratch);
                    if (n == 1) {
                        type = scratch[0];
                    } else {
                        typeText = new String(scratch, 0, Math.min(n, scratch.length));
                    }
                    break;
                }
                case 'S': {
                    int n = r.readString(scratch);
                    symbol = n <= scratch.length ? symbols.indexOf(scratch, 0, n) : -1;
                    break;
                }
                case 't': t = r.peekKind() == MsgPackReader.Kind.EXT ? r.readTimestampSecond()
                    : Rfc3339.parseEpochSecond(r.readString()); break;
                case 'o': o = r.readDouble(); break;
                case 'h': h = r.readDouble(); break;
                case 'l': l = r.readDouble(); break;
                case 'c': c = r.readDouble(); break;
                case 'v': v = r.readDouble(); break;
                default:
                    if (is("code", keyLength)) {
                        code = (int) r.readLong();
                    } else if (is("msg", keyLength)) {
                        msg = r.readString();
                    } else if (is("bars", keyLength)) {
                        bars = strings();
                    } else if (is("updatedBars", keyLength)) {
                        updatedBars = strings();
                    } else {
                        r.skip();
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

    private boolean is(String key, int length) {
        if (length != key.length() || length > scratch.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (scratch[i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String[] strings() {
        if (r.peekKind() != MsgPackReader.Kind.ARRAY) {
            r.skip();
            return new String[0];
        }
        String[] out = new String[r.readArrayHeader()];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.readString();
        }
        return out;
    }
}
