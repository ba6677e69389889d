package io.sentio.launcher.alpaca.stream;

import io.sentio.launcher.alpaca.AlpacaCredentials;
import io.sentio.launcher.alpaca.msgpack.MsgPackWriter;
import okhttp3.WebSocket;
import okio.ByteString;

/** The client's stream actions, as JSON text frames or, in MessagePack mode, binary frames. */
final class ClientActions {
    private ClientActions() {
    }

    static void auth(WebSocket ws, AlpacaCredentials k, boolean msgpack) {
        if (msgpack) {
            ws.send(ByteString.of(new MsgPackWriter().mapHeader(3).string("action").string("auth")
                .string("key").string(k.keyId()).string("secret").string(k.secret()).toByteArray()));
        } else {
            ws.send("{\"action\":\"auth\",\"key\":" + quote(k.keyId()) + ",\"secret\":" + quote(k.secret()) + "}");
        }
    }

    static void subscribe(WebSocket ws, String[] bars, String[] updatedBars, boolean msgpack) {
        if (msgpack) {
            MsgPackWriter w = new MsgPackWriter().mapHeader(3).string("action").string("subscribe");
            w.string("bars").arrayHeader(bars.length);
            for (String s : bars) {
                w.string(s);
            }
            w.string("updatedBars").arrayHeader(updatedBars.length);
            for (String s : updatedBars) {
                w.string(s);
            }
            ws.send(ByteString.of(w.toByteArray()));
        } else {
            ws.send("{\"action\":\"subscribe\",\"bars\":" + jsonList(bars) + ",\"updatedBars\":" + jsonList(updatedBars) + "}");
        }
    }

    private static String jsonList(String[] items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.length; i++) {
            b.append(i == 0 ? "" : ",").append(quote(items[i]));
        }
        return b.append(']').toString();
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}
