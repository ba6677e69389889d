package io.sentio.launcher.alpaca.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentio.launcher.alpaca.AlpacaCredentials;
import io.sentio.launcher.alpaca.AlpacaJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.WebSocket;
import okio.ByteString;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** The client's stream actions, as JSON text frames or, in MessagePack mode, binary frames. */
final class ClientActions {
    private ClientActions() {
    }

    static void auth(WebSocket ws, AlpacaCredentials k, boolean msgpack) {
        if (msgpack) {
            try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
                p.packMapHeader(3).packString("action").packString("auth")
                    .packString("key").packString(k.keyId()).packString("secret").packString(k.secret());
                ws.send(ByteString.of(p.toByteArray()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            ws.send(AlpacaJson.newObject().put("action", "auth").put("key", k.keyId()).put("secret", k.secret()).toString());
        }
    }

    static void subscribe(WebSocket ws, String[] bars, String[] updatedBars, boolean msgpack) {
        if (msgpack) {
            try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
                p.packMapHeader(3).packString("action").packString("subscribe");
                p.packString("bars").packArrayHeader(bars.length);
                for (String s : bars) {
                    p.packString(s);
                }
                p.packString("updatedBars").packArrayHeader(updatedBars.length);
                for (String s : updatedBars) {
                    p.packString(s);
                }
                ws.send(ByteString.of(p.toByteArray()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            ObjectNode action = AlpacaJson.newObject().put("action", "subscribe");
            ArrayNode barList = action.putArray("bars");
            for (String s : bars) {
                barList.add(s);
            }
            ArrayNode updatedList = action.putArray("updatedBars");
            for (String s : updatedBars) {
                updatedList.add(s);
            }
            ws.send(action.toString());
        }
    }
}
