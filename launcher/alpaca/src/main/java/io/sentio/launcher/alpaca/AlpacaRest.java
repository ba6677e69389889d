package io.sentio.launcher.alpaca;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One Alpaca REST host: adds the key headers, spends a token of the shared {@link TokenBucket} per
 * request, and on HTTP 429 waits until {@code X-Ratelimit-Reset} (unix seconds) before retrying.
 * Non-2xx answers become {@link AlpacaApiException}s.
 */
public final class AlpacaRest {
    public static final MediaType JSON = MediaType.get("application/json");
    static final JsonFactory JSON_FACTORY = new JsonFactory();

    private final OkHttpClient http;
    private final HttpUrl base;
    private final AlpacaCredentials credentials;
    private final TokenBucket limiter;
    private final AlpacaClock clock;
    private final int maxRateLimitRetries;

    public AlpacaRest(OkHttpClient http, String baseUrl, AlpacaCredentials credentials, TokenBucket limiter,
                      AlpacaClock clock, int maxRateLimitRetries) {
        // OkHttp would silently resend a POST after a connection failure; resends are decided here,
        // by client_order_id lookup, so an order can never be placed twice.
        this.http = http.newBuilder().retryOnConnectionFailure(false).build();
        this.base = HttpUrl.get(baseUrl);
        this.credentials = credentials;
        this.limiter = limiter;
        this.clock = clock;
        this.maxRateLimitRetries = maxRateLimitRetries;
    }

    /** Result of one successful call: status code and body text. */
    public static final class Reply {
        public final int status;
        public final String body;

        Reply(int status, String body) {
            this.status = status;
            this.body = body;
        }
    }

    public HttpUrl.Builder url(String path) {
        return base.newBuilder().encodedPath(path);
    }

    public Reply get(HttpUrl url) throws IOException, InterruptedException {
        return call(new Request.Builder().url(url).get());
    }

    public Reply post(HttpUrl url, String json) throws IOException, InterruptedException {
        return call(new Request.Builder().url(url).post(RequestBody.create(json, JSON)));
    }

    public Reply delete(HttpUrl url) throws IOException, InterruptedException {
        return call(new Request.Builder().url(url).delete());
    }

    private Reply call(Request.Builder builder) throws IOException, InterruptedException {
        Request request = builder
            .header("APCA-API-KEY-ID", credentials.keyId())
            .header("APCA-API-SECRET-KEY", credentials.secret())
            .header("Accept", "application/json")
            .build();
        for (int attempt = 0; ; attempt++) {
            limiter.acquire();
            try (Response response = http.newCall(request).execute()) {
                String body = response.body().string();
                if (response.code() == 429 && attempt < maxRateLimitRetries) {
                    limiter.pauseUntil(resetMillis(response));
                    continue;
                }
                if (response.code() / 100 != 2) {
                    throw error(response.code(), body);
                }
                return new Reply(response.code(), body);
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("request interrupted");
                }
                throw e;
            }
        }
    }

    /**
     * When the server's window resets; one second from now if the header is missing or unreadable.
     * Alpaca's window is one minute, so a reset further away than that means the clocks disagree: the
     * wait is capped at a minute rather than trusting it.
     */
    private long resetMillis(Response response) {
        String reset = response.header("X-Ratelimit-Reset");
        long now = clock.epochMillis();
        if (reset != null) {
            try {
                return Math.min(now + 60_000L, Math.max(now, Long.parseLong(reset.trim()) * 1000L));
            } catch (NumberFormatException ignored) {
                // fall through to the conservative default
            }
        }
        return now + 1000L;
    }

    static AlpacaApiException error(int status, String body) {
        long code = 0;
        String message = body.length() > 200 ? body.substring(0, 200) : body;
        try (JsonParser p = JSON_FACTORY.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("code".equals(name) && v.isNumeric()) {
                        code = p.getLongValue();
                    } else if ("message".equals(name)) {
                        message = p.getText();
                    } else if (v.isStructStart()) {
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException notJson) {
            // keep the raw text as the message
        }
        return new AlpacaApiException(status, code, message);
    }
}
