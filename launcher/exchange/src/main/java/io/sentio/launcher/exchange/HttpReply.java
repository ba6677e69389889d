package io.sentio.launcher.exchange;

/** Status and JSON body of one stand-in REST answer; {@link #LOST} means: cut the connection instead. */
final class HttpReply {
    static final HttpReply LOST = new HttpReply(-1, "");
    final int status;
    final String body;

    HttpReply(int status, String body) {
        this.status = status;
        this.body = body;
    }

    static HttpReply ok(String body) {
        return new HttpReply(200, body);
    }

    static HttpReply error(int status, long code, String message) {
        return new HttpReply(status, WireJson.object().put("code", code).put("message", message).toString());
    }
}
