package io.sentio.launcher.alpaca.msgpack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes a whole low-rate MessagePack message (a client action) into maps, lists, strings and numbers. */
public final class MsgPackTree {
    private MsgPackTree() {
    }

    public static Object decode(byte[] data) {
        return value(new MsgPackReader().wrap(data, 0, data.length));
    }

    private static Object value(MsgPackReader r) {
        switch (r.peekKind()) {
            case MAP: {
                int n = r.readMapHeader();
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    Object k = value(r);
                    m.put(String.valueOf(k), value(r));
                }
                return m;
            }
            case ARRAY: {
                int n = r.readArrayHeader();
                List<Object> l = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    l.add(value(r));
                }
                return l;
            }
            case STRING: return r.readString();
            case INT: return r.readLong();
            case FLOAT: return r.readDouble();
            case BOOL: return r.readBool();
            case EXT: return r.readTimestampSecond();
            default:
                r.skip();
                return null;
        }
    }
}
