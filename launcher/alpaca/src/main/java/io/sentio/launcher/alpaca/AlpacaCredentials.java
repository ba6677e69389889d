package io.sentio.launcher.alpaca;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An Alpaca key pair. Read only from the environment ({@code APCA_API_KEY_ID},
 * {@code APCA_API_SECRET_KEY}) or a {@code config.env} file of KEY=VALUE lines, never from a
 * command line that other users could see. {@link #toString()} never shows either part.
 */
public final class AlpacaCredentials {
    public static final String KEY_ENV = "APCA_API_KEY_ID";
    public static final String SECRET_ENV = "APCA_API_SECRET_KEY";

    private final String keyId;
    private final String secret;

    public AlpacaCredentials(String keyId, String secret) {
        if (keyId == null || keyId.isBlank() || secret == null || secret.isBlank()) {
            throw AlpacaException.setup("Alpaca credentials need both " + KEY_ENV + " and " + SECRET_ENV);
        }
        this.keyId = keyId;
        this.secret = secret;
    }

    /** From the environment first, then from {@code configEnv} if it exists; bad usage if neither has both. */
    public static AlpacaCredentials resolve(Map<String, String> env, Path configEnv) {
        String key = env.get(KEY_ENV);
        String secret = env.get(SECRET_ENV);
        if ((key == null || secret == null) && configEnv != null && Files.isRegularFile(configEnv)) {
            Map<String, String> file = readEnvFile(configEnv);
            key = key != null ? key : file.get(KEY_ENV);
            secret = secret != null ? secret : file.get(SECRET_ENV);
        }
        if (key == null || secret == null) {
            throw AlpacaException.setup("no Alpaca credentials: set " + KEY_ENV + " and " + SECRET_ENV
                + " in the environment or in " + (configEnv == null ? "config.env" : configEnv));
        }
        return new AlpacaCredentials(key, secret);
    }

    /** Parses KEY=VALUE lines; blank lines and lines starting with '#' are skipped, "export " is allowed. */
    public static Map<String, String> readEnvFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw AlpacaException.setup("cannot read " + file + ": " + e.getMessage());
        }
        java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                // The line may hold a secret: name the line, never echo it.
                throw AlpacaException.setup(file + ":" + (i + 1) + ": expected KEY=VALUE");
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            out.put(line.substring(0, eq).strip(), value);
        }
        return out;
    }

    public String keyId() {
        return keyId;
    }

    public String secret() {
        return secret;
    }

    /** Constant-time comparison, so a stand-in server does not leak the secret through timing. */
    public boolean matches(String otherKey, String otherSecret) {
        return otherKey != null && otherSecret != null
            && java.security.MessageDigest.isEqual(keyId.getBytes(StandardCharsets.UTF_8), otherKey.getBytes(StandardCharsets.UTF_8))
            & java.security.MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), otherSecret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AlpacaCredentials{keyId=<redacted>, secret=<redacted>}";
    }
}
