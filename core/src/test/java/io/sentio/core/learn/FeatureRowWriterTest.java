package io.sentio.core.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sentio.core.config.OesParams;
import io.sentio.core.feature.FeatureNames;

class FeatureRowWriterTest {
    @Test
    void shouldWriteOneRowPerBarWithEveryColumnTheFeaturesCommandPromises() {
        SyntheticBars s = new SyntheticBars(200, 3, LocalDate.of(2025, 4, 1));
        OnlineLearner l = new OnlineLearner(OesParams.defaults(), 0.557);
        StringBuilder out = new StringBuilder();
        FeatureRowWriter w = new FeatureRowWriter(out, l);
        w.writeHeader();
        List<double[]> expected = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            s.feed(l, i);
            w.writeRow(s.time[i]);
            expected.add(OnlineLearnerTest.outputs(l));
        }
        String[] lines = out.toString().split("\n", -1);
        assertEquals(s.size() + 2, lines.length, "header, one row per bar, final newline");
        assertEquals("", lines[lines.length - 1]);
        String[] header = lines[0].split(",", -1);
        assertEquals(1 + 48 + 48 + 6 + 3, header.length);
        assertEquals("ts_nyt_epoch", header[0]);
        assertEquals("ret_1", header[1]);
        assertEquals("bias", header[48]);
        assertEquals("z_ret_1", header[49]);
        assertEquals("z_bias", header[96]);
        assertEquals(List.of("yhat_1", "s_1", "yhat_5", "s_5", "yhat_10", "s_10", "p", "C", "signal"),
            List.of(header).subList(97, header.length));

        String[] early = lines[1].split(",", -1);
        assertEquals(header.length, early.length);
        assertEquals(Long.toString(s.time[0]), early[0]);
        assertEquals("", early[1], "no features before the 61st bar");
        assertEquals("0.5", early[103]);
        assertEquals("0.0", early[104]);
        assertEquals("NEUTRAL", early[105]);

        String[] last = lines[s.size()].split(",", -1);
        assertEquals(header.length, last.length);
        for (int i = 0; i < FeatureNames.COUNT; i++) {
            assertEquals(Double.doubleToLongBits(expected.get(s.size() - 1)[4 + 2 * i]),
                Double.doubleToLongBits(Double.parseDouble(last[1 + i])), "raw " + FeatureNames.name(i) + " round-trips");
            assertEquals(Double.doubleToLongBits(l.zscore(i)),
                Double.doubleToLongBits(Double.parseDouble(last[49 + i])), "z " + FeatureNames.name(i));
        }
        assertEquals(l.prediction(1), Double.parseDouble(last[99]));
        assertEquals(l.probability(), Double.parseDouble(last[103]));
        assertEquals(l.confidence(), Double.parseDouble(last[104]));
        assertTrue(List.of("LONG", "SHORT", "NEUTRAL").contains(last[105]));
    }
}
