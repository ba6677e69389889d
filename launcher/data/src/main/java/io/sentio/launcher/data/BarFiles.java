package io.sentio.launcher.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Locates {@code SYMBOL_RTH_NH.csv} / {@code .csv.gz} bar files in a data directory (DESIGN §6). */
public final class BarFiles {
    public static final String SUFFIX = "_RTH_NH.csv";
    public static final String GZ_SUFFIX = SUFFIX + ".gz";

    private BarFiles() {
    }

    /** The file of {@code symbol} in {@code dir}; a missing or ambiguous file is a bad-data error naming both. */
    public static Path locate(Path dir, String symbol) {
        Path plain = dir.resolve(symbol + SUFFIX);
        Path gz = dir.resolve(symbol + GZ_SUFFIX);
        boolean hasPlain = Files.isRegularFile(plain);
        boolean hasGz = Files.isRegularFile(gz);
        if (hasPlain && hasGz) {
            throw new BarDataException("symbol " + symbol + ": both " + plain + " and " + gz
                + " exist; keep one");
        }
        if (!hasPlain && !hasGz) {
            throw new BarDataException("symbol " + symbol + ": no bar file " + plain + " (or .gz)");
        }
        return hasPlain ? plain : gz;
    }

    /** Every bar file in {@code dir}, by symbol in alphabetical order. */
    public static Map<String, Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BarDataException("not a directory: " + dir);
        }
        TreeMap<String, Path> out = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String symbol = symbolOf(f.getFileName().toString());
                if (symbol != null && Files.isRegularFile(f)) {
                    out.put(symbol, locate(dir, symbol));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return out;
    }

    /** The symbol of a bar file name, or null if the name does not follow the pattern. */
    public static String symbolOf(String fileName) {
        String s;
        if (fileName.endsWith(GZ_SUFFIX)) {
            s = fileName.substring(0, fileName.length() - GZ_SUFFIX.length());
        } else if (fileName.endsWith(SUFFIX)) {
            s = fileName.substring(0, fileName.length() - SUFFIX.length());
        } else {
            return null;
        }
        return s.isEmpty() ? null : s;
    }
}
